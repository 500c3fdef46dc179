/**
 * The URL query key of each setting the playground keeps in the address itself (the bound ones are
 * the page's params), in a module of its own so the page's light shell can name them without
 * loading the configuration code.
 */
import type { AddressSetting } from "./config";

/** The URL query key of each unbound setting; prefixed so they never collide with a chapter's own params. */
export const QUERY_KEYS: Readonly<Record<AddressSetting, string>> = {
  hidden: "pgHidden",
  loss: "pgLoss",
  optimizer: "pgOpt",
  momentum: "pgMomentum",
  batchSize: "pgBatch",
  weightDecay: "pgL2",
  seed: "pgSeed",
  speed: "pgSpeed",
  points: "pgPoints",
};
