/** What the playground says about a run, in words: its status line and, when training stopped, why and what to change. */
import { formatNumber } from "../kit/formatNumber";
import { LOSS_GROWTH_LIMIT, MAX_WEIGHT, measureDataLoss, type Session } from "./session";

/** What went wrong and what to change, in a sentence or two for the reader. */
export function describeDivergence(session: Session): string {
  const divergence = session.divergence;
  if (!divergence) return "";
  const { config } = session;
  const lower = `lower the learning rate from η = ${config.learningRate} to about ${suggestRate(config.learningRate)}`;
  const what =
    divergence.reason === "notFinite"
      ? `a loss or gradient became ${Number.isNaN(divergence.value) ? "NaN" : "infinite"}, so the engine refused the update`
      : divergence.reason === "weightsGrew"
        ? `a weight reached ${formatNumber(divergence.value)} (beyond ${MAX_WEIGHT.toExponential(0)})`
        : `the loss grew to ${formatNumber(divergence.value)}, more than ${LOSS_GROWTH_LIMIT}× its starting value ${formatNumber(session.initialLoss)}`;
  const fix =
    config.optimizer === "momentum" || config.optimizer === "nesterov"
      ? `Each step overshoots, and momentum α = ${config.momentum} keeps adding to it: ${lower}, or lower α, then press Reset.`
      : `Each step overshoots the valley it aims for, so the weights fly apart: ${lower}, then press Reset.`;
  return `Training stopped at step ${divergence.step}: ${what}. ${fix}`;
}

function suggestRate(learningRate: number): string {
  return String(Number((learningRate / 30).toPrecision(1)));
}

/** What the status line says before the first step, ahead of the losses. */
export const READY_ANNOUNCEMENT = "Ready: press Play to train, or Step for one update.";

/** The status line, e.g. "step 1200 · train loss 0.083 · test loss 0.097". */
export function describeStatus(session: Session): string {
  if (!session.trainer) return "No training points yet: click the plot to add some.";
  const last = session.losses[session.losses.length - 1];
  const fresh = last && last.step === session.steps ? last : null;
  const trainLoss = fresh ? fresh.trainLoss : measureDataLoss(session.network, session.train);
  const testLoss = fresh ? fresh.testLoss : session.test ? measureDataLoss(session.network, session.test) : NaN;
  const test = session.test ? ` · test loss ${formatNumber(testLoss)}` : " · no test set";
  return `step ${session.steps} · train loss ${formatNumber(trainLoss)}${test}`;
}
