/**
 * The URL query key of each playground setting, in a module of its own so the page's light shell
 * can tell the playground's params from a chapter's own without loading the configuration code.
 */
import type { PlaygroundConfig } from "./config";

/** The URL query key of each setting; prefixed so they never collide with a chapter's own params. */
export const QUERY_KEYS: Readonly<Record<keyof PlaygroundConfig, string>> = {
  dataset: "pgData",
  hidden: "pgHidden",
  activation: "pgAct",
  loss: "pgLoss",
  optimizer: "pgOpt",
  learningRate: "pgLr",
  momentum: "pgMomentum",
  batchSize: "pgBatch",
  weightDecay: "pgL2",
  seed: "pgSeed",
  speed: "pgSpeed",
  points: "pgPoints",
};
