/** What the playground says about a run, in words: its status line and, when training stopped, why and what to change. */
import { formatNumber } from "../kit/formatNumber";
import { LOSS_GROWTH_LIMIT, MAX_WEIGHT, measureDataLoss, type Session } from "./session";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** What went wrong and what to change, in a sentence or two for the reader. */
export function describeDivergence(session: Session, s: Strings = en): string {
  const divergence = session.divergence;
  if (!divergence) return "";
  const { config } = session;
  const lower = s.pgLowerRate({ eta: config.learningRate, suggested: suggestRate(config.learningRate) });
  const what =
    divergence.reason === "notFinite"
      ? (Number.isNaN(divergence.value) ? s.pgBecameNaN : s.pgBecameInfinite)
      : divergence.reason === "weightsGrew"
        ? s.pgWeightReached({ value: formatNumber(divergence.value), limit: MAX_WEIGHT.toExponential(0) })
        : s.pgLossGrew({ value: formatNumber(divergence.value), factor: LOSS_GROWTH_LIMIT, start: formatNumber(session.initialLoss) });
  const fix =
    config.optimizer === "momentum" || config.optimizer === "nesterov"
      ? s.pgFixMomentum({ alpha: config.momentum, lower })
      : s.pgFixPlain({ lower });
  return s.pgStopped({ step: divergence.step, what, fix });
}

function suggestRate(learningRate: number): string {
  return String(Number((learningRate / 30).toPrecision(1)));
}

/** What the status line says before the first step, ahead of the losses. */
export function readyAnnouncement(s: Strings = en): string {
  return s.pgReady;
}

/** The status line, e.g. "step 1200 · train loss 0.083 · test loss 0.097". */
export function describeStatus(session: Session, s: Strings = en): string {
  if (!session.trainer) return s.pgNoPoints;
  const last = session.losses[session.losses.length - 1];
  const fresh = last && last.step === session.steps ? last : null;
  const trainLoss = fresh ? fresh.trainLoss : measureDataLoss(session.network, session.train);
  const testLoss = fresh ? fresh.testLoss : session.test ? measureDataLoss(session.network, session.test) : NaN;
  const test = session.test ? s.pgTestLoss({ loss: formatNumber(testLoss) }) : s.pgNoTestSet;
  return s.pgStatus({ step: session.steps, loss: formatNumber(trainLoss), test });
}
