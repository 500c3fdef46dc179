import type { ExampleSetup } from "../../../../components/backpropagation/workedExampleSetup";

/** Mazur's (2015) published starting values, against which the engine's numbers are checked (the page's own live only in its <Param>s). */
export const MAZUR_SETUP: Readonly<ExampleSetup> = Object.freeze({
  x1: 0.05, x2: 0.1, t1: 0.01, t2: 0.99,
  w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3, w5: 0.4, w6: 0.45, w7: 0.5, w8: 0.55,
  b1: 0.35, b2: 0.6, learningRate: 0.5,
});
