import { describe, expect, it } from "vitest";
import { createConfig, type PlaygroundConfig } from "../../../../components/playground/config";
import { TEST_BOUND } from "./playgroundBound";
import { createSession, runSession } from "../../../../components/playground/session";
import { PLATEAU_STEPS, describePlateau, isLossFlat, suggestChanges } from "../../../../components/playground/advice";

const configWith = (patch: Partial<PlaygroundConfig>): PlaygroundConfig => ({ ...createConfig(TEST_BOUND), ...patch });

describe("advice for a flat loss", () => {
  it("notices a network that cannot learn its data, and says so with the run's numbers", () => {
    const session = createSession(configWith({ dataset: "spiral", hidden: [] }));
    runSession(session, PLATEAU_STEPS - 1);
    expect(isLossFlat(session)).toBe(false); // too early to tell
    runSession(session, 2 * PLATEAU_STEPS);
    expect(isLossFlat(session)).toBe(true);
    expect(describePlateau(session)).toMatch(/^The training loss has stayed near 0\.\d+ for the last 1,000 steps \(it was 0\.\d+\)/);
  });

  it("stays quiet while a network learns", () => {
    const session = createSession(configWith({ dataset: "blobs", hidden: [4] }));
    runSession(session, 3 * PLATEAU_STEPS);
    expect(isLossFlat(session)).toBe(false);
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
