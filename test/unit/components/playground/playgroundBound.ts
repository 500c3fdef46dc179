/** The bound settings the unit tests run the playground with: a default-like run (circles, tanh, η = 0.3). */
import type { BoundSettings } from "../../../../components/playground/config";

/** Circles, tanh and η = 0.3: a small run that learns in a few hundred steps. */
export const TEST_BOUND: BoundSettings = { dataset: "circles", activation: "tanh", learningRate: 0.3 };
