/**
 * The worked example's editable values and the page params that hold them, kept apart from the
 * engine so the page's light scripts can read and compare them without loading any engine code.
 */

/** What the reader may edit: inputs x1, x2, targets t1, t2, weights w1…w8, biases b1 (hidden) and b2 (output), learning rate η. */
export interface ExampleSetup {
  x1: number;
  x2: number;
  t1: number;
  t2: number;
  w1: number;
  w2: number;
  w3: number;
  w4: number;
  w5: number;
  w6: number;
  w7: number;
  w8: number;
  b1: number;
  b2: number;
  learningRate: number;
}

/** The names of the editable values, in the order the chapter introduces them. */
export const SETUP_NAMES = ["x1", "x2", "t1", "t2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2", "learningRate"] as const;

/** The example's starting values (Mazur's, 2015): inputs 0.05, 0.10, targets 0.01, 0.99, η = 0.5. */
export const DEFAULT_SETUP: Readonly<ExampleSetup> = Object.freeze({
  x1: 0.05, x2: 0.1, t1: 0.01, t2: 0.99,
  w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3, w5: 0.4, w6: 0.45, w7: 0.5, w8: 0.55,
  b1: 0.35, b2: 0.6, learningRate: 0.5,
});

/** The page param that holds each setup field; the learning rate is `eta` so it cannot clash with another widget's. */
export const PARAM_NAMES: Readonly<Record<keyof ExampleSetup, string>> = {
  x1: "x1", x2: "x2", t1: "t1", t2: "t2",
  w1: "w1", w2: "w2", w3: "w3", w4: "w4", w5: "w5", w6: "w6", w7: "w7", w8: "w8",
  b1: "b1", b2: "b2", learningRate: "eta",
};

/** Reads a setup from param values, falling back to the defaults for anything missing or not finite. */
export function readSetup(values: Readonly<Record<string, unknown>>): ExampleSetup {
  const setup = { ...DEFAULT_SETUP };
  for (const name of SETUP_NAMES) {
    const value = values[PARAM_NAMES[name]];
    if (typeof value === "number" && Number.isFinite(value)) setup[name] = value;
  }
  return setup;
}

/** True when two setups hold the same values, e.g. a setup and the defaults the saved page shows. */
export function isSameSetup(a: Readonly<ExampleSetup>, b: Readonly<ExampleSetup>): boolean {
  return SETUP_NAMES.every((name) => a[name] === b[name]);
}
