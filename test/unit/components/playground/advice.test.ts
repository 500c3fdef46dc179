import { describe, expect, it } from "vitest";
import { createConfig, type PlaygroundConfig } from "../../../../components/playground/config";
import { TEST_BOUND } from "./playgroundBound";
import { createSession, runSession } from "../../../../components/playground/session";
import { PLATEAU_DROP, PLATEAU_STEPS, describePlateau, isLossFlat, isLossRising, needsAdvice, suggestChanges } from "../../../../components/playground/advice";

const configWith = (patch: Partial<PlaygroundConfig>): PlaygroundConfig => ({ ...createConfig(TEST_BOUND), ...patch });

describe("advice for a flat loss", () => {
  it("notices a network that cannot learn its data, and says so with the run's numbers", () => {
    const session = createSession(configWith({ dataset: "spiral", hidden: [] }));
    runSession(session, PLATEAU_STEPS - 1);
    expect(isLossFlat(session)).toBe(false); // too early to tell
    expect(needsAdvice(session)).toBe(false);
    runSession(session, 2 * PLATEAU_STEPS);
    expect(isLossFlat(session)).toBe(true);
    expect(needsAdvice(session)).toBe(true);
    expect(describePlateau(session)).toMatch(/^The training loss has stayed near 0\.\d+ for the last 1,000 steps \(it was 0\.\d+\)/);
  });

  it("tells a loss that rose from a flat one, and blames the learning rate", () => {
    const session = createSession(configWith({ activation: "sigmoid", learningRate: 30 }));
    runSession(session, PLATEAU_STEPS);
    const [earlier, latest] = [session.losses[0].trainLoss, session.losses[session.losses.length - 1].trainLoss];
    expect(latest).toBeGreaterThan(earlier * (1 + PLATEAU_DROP));
    expect(isLossFlat(session)).toBe(false);
    expect(isLossRising(session)).toBe(true);
    expect(needsAdvice(session)).toBe(true);
    expect(describePlateau(session)).toMatch(/^The training loss has risen from \d+\.\d+ to \d+\.\d+ over the last 1,000 steps: with η = 30 /);
    expect(suggestChanges(session.config, undefined, true)).toEqual([{ label: "Smaller learning rate: η 30 → 3", patch: { learningRate: 3 } }]);
  });

  it("counts a loss that moved less than PLATEAU_DROP either way as flat", () => {
    for (const change of [-PLATEAU_DROP / 2, PLATEAU_DROP / 2]) {
      const session = createSession(configWith({ dataset: "spiral", hidden: [] }));
      runSession(session, PLATEAU_STEPS);
      const start = session.initialLoss;
      session.losses = [
        { step: 0, trainLoss: start, testLoss: NaN },
        { step: PLATEAU_STEPS, trainLoss: start * (1 + change), testLoss: NaN },
      ];
      expect(isLossFlat(session)).toBe(true);
      expect(isLossRising(session)).toBe(false);
      expect(describePlateau(session)).toMatch(/^The training loss has stayed near /);
    }
  });

  it("stays quiet while a network learns", () => {
    const session = createSession(configWith({ dataset: "blobs", hidden: [4] }));
    runSession(session, 3 * PLATEAU_STEPS);
    expect(isLossFlat(session)).toBe(false);
    expect(needsAdvice(session)).toBe(false);
  });

  it("suggests more units, another layer, another learning rate and another activation, within the limits", () => {
    const labels = suggestChanges(configWith({ hidden: [4, 4], activation: "tanh", learningRate: 0.3 }));
    expect(labels).toEqual([
      { label: "More units: 4, 4 → 8, 8", patch: { hidden: [8, 8] } },
      { label: "Another layer: 2 hidden layers → 3 hidden layers", patch: { hidden: [4, 4, 4] } },
      { label: "Larger learning rate: η 0.3 → 3", patch: { learningRate: 3 } },
      { label: "Activation relu instead of tanh", patch: { activation: "relu" } },
    ]);
    const full = suggestChanges(configWith({ hidden: [8, 8, 8, 8, 8, 8], activation: "relu", learningRate: 5 }));
    expect(full.map((s) => s.label)).toEqual(["Smaller learning rate: η 5 → 0.5", "Activation tanh instead of relu"]);
  });
});
