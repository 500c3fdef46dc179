/**
 * The playground's configuration: its allowed values, the defaults of the settings no <Param> binds,
 * and each setting's text form in a link. Pure functions of strings, so a shared link reproduces a
 * run and a bad link never crashes.
 */
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";

/** The data sets the reader can pick; "custom" starts empty and takes points clicked on the plot. */
export const PLAYGROUND_DATASETS = ["xor", "circles", "moons", "spiral", "blobs", "custom"] as const;
/** Hidden activations φ offered (the output unit is always a sigmoid, y = σ(z^L) ∈ (0, 1)). */
export const PLAYGROUND_ACTIVATIONS = ["tanh", "sigmoid", "relu", "leakyRelu", "identity"] as const;
/** Losses E offered: ½(t − y)² or the cross-entropy −[t log y + (1 − t) log(1 − y)]. */
export const PLAYGROUND_LOSSES = ["squaredError", "binaryCrossEntropy"] as const;
/** Optimizers offered, in the engine's names. */
export const PLAYGROUND_OPTIMIZERS = ["gradientDescent", "momentum", "nesterov", "adam"] as const;

/** One of `PLAYGROUND_DATASETS`. */
export type PlaygroundDataset = (typeof PLAYGROUND_DATASETS)[number];
/** One of `PLAYGROUND_ACTIVATIONS`. */
export type PlaygroundActivation = (typeof PLAYGROUND_ACTIVATIONS)[number];
/** One of `PLAYGROUND_LOSSES`. */
export type PlaygroundLoss = (typeof PLAYGROUND_LOSSES)[number];
/** One of `PLAYGROUND_OPTIMIZERS`. */
export type PlaygroundOptimizer = (typeof PLAYGROUND_OPTIMIZERS)[number];

/** A point the reader placed: inputs (x₁, x₂) and class t ∈ {0, 1}. */
export interface CustomPoint {
  x1: number;
  x2: number;
  t: 0 | 1;
}

/** Everything that determines a run; the same configuration and seed give the same losses. */
export interface PlaygroundConfig {
  dataset: PlaygroundDataset;
  /** Units per hidden layer, input side first; [] is a single sigmoid unit (logistic regression). */
  hidden: number[];
  activation: PlaygroundActivation;
  loss: PlaygroundLoss;
  optimizer: PlaygroundOptimizer;
  /** η. */
  learningRate: number;
  /** α (momentum and nesterov only). */
  momentum: number;
  /** Examples per step; a value ≥ the training set's size means the full batch. */
  batchSize: number;
  /** λ of the L2 penalty (λ/2)Σw², on weights only. */
  weightDecay: number;
  /** Seeds the data, the train/test split, the initial weights and the batch order. */
  seed: number;
  /** Training steps per animation frame (each frame also stops after its time budget). */
  speed: number;
  /** The reader's points; used when `dataset` is "custom". */
  points: CustomPoint[];
}

/** The settings a page binds to its <Param>s (`params={{ learningRate: "pgLr", … }}`): their defaults and ranges are the page's. */
export const PLAYGROUND_ROLES = ["dataset", "activation", "learningRate"] as const;
/** One of `PLAYGROUND_ROLES`. */
export type PlaygroundRole = (typeof PLAYGROUND_ROLES)[number];
/** The bound settings' values, as the page's params give them. */
export type BoundSettings = Pick<PlaygroundConfig, PlaygroundRole>;
/** A setting the playground keeps in the address under its own key (queryKeys.ts). */
export type AddressSetting = Exclude<keyof PlaygroundConfig, PlaygroundRole>;

/** The documented caps: a link can never ask for a network or data set bigger than these. */
export const LIMITS = {
  hiddenLayers: 6,
  unitsPerLayer: 8,
  /** The page's learning-rate <Param> must lie within this (Playground.astro checks at build time). */
  learningRate: { min: 1e-5, max: 100 },
  momentum: { min: 0, max: 0.99 },
  batchSize: { min: 1, max: 500 },
  weightDecay: { min: 0, max: 1 },
  seed: { min: 0, max: 999_999 },
  speed: { min: 1, max: 200 },
  points: 300,
  /** Custom points must lie in the plotted box [−1.5, 1.5]². */
  coordinate: 1.5,
} as const;

/** The unbound settings a page starts with when its URL says nothing. */
export const DEFAULT_SETTINGS: Readonly<Pick<PlaygroundConfig, AddressSetting>> = Object.freeze({
  hidden: [4, 4],
  loss: "binaryCrossEntropy",
  optimizer: "gradientDescent",
  momentum: 0.9,
  batchSize: 10,
  weightDecay: 0,
  seed: 1,
  speed: 5,
  points: [],
}) as Readonly<Pick<PlaygroundConfig, AddressSetting>>;

const MAX_RAW_LENGTH = 40; // per scalar value: no real value is longer
/** The longest points value a link may carry: "−1.23,−1.23,1;" is at most 15 characters a point. */
export const MAX_POINTS_LENGTH = LIMITS.points * 20;

/** A fresh, mutable configuration from the bound settings and the others' values (their defaults unless given). */
export function createConfig(bound: Readonly<BoundSettings>, settings: Readonly<Pick<PlaygroundConfig, AddressSetting>> = DEFAULT_SETTINGS): PlaygroundConfig {
  return copyConfig({ ...settings, ...bound } as PlaygroundConfig);
}

/** A fresh, mutable copy of a configuration. */
export function copyConfig(config: Readonly<PlaygroundConfig>): PlaygroundConfig {
  return { ...config, hidden: [...config.hidden], points: config.points.map((point) => ({ ...point })) };
}

function parseChoice<T extends string>(raw: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

function parseNumber(raw: string, min: number, max: number, integer: boolean): number | undefined {
  if (raw.trim() === "" || raw.length > MAX_RAW_LENGTH) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) return undefined;
  if (integer && !Number.isInteger(value)) return undefined;
  return value;
}

/** "4,4" → [4, 4]; "none" → []; undefined when any layer is out of range or there are too many. */
export function parseHidden(raw: string): number[] | undefined {
  if (raw === "none") return [];
  if (raw.length > MAX_RAW_LENGTH) return undefined;
  const parts = raw.split(",");
  if (parts.length > LIMITS.hiddenLayers) return undefined;
  const units = parts.map((part) => parseNumber(part, 1, LIMITS.unitsPerLayer, true));
  return units.every((unit) => unit !== undefined) ? (units as number[]) : undefined;
}

/** [4, 4] → "4,4"; [] → "none". */
export function formatHidden(hidden: readonly number[]): string {
  return hidden.length === 0 ? "none" : hidden.join(",");
}

/** "0.1,-0.5,1;0.7,0.2,0" → points; undefined when any point is malformed, outside the box, or there are too many. */
export function parsePoints(raw: string): CustomPoint[] | undefined {
  if (raw === "") return [];
  if (raw.length > MAX_POINTS_LENGTH) return undefined;
  const entries = raw.split(";");
  if (entries.length > LIMITS.points) return undefined;
  const points: CustomPoint[] = [];
  for (const entry of entries) {
    const parts = entry.split(",");
    if (parts.length !== 3) return undefined;
    const x1 = parseNumber(parts[0], -LIMITS.coordinate, LIMITS.coordinate, false);
    const x2 = parseNumber(parts[1], -LIMITS.coordinate, LIMITS.coordinate, false);
    if (x1 === undefined || x2 === undefined || (parts[2] !== "0" && parts[2] !== "1")) return undefined;
    points.push({ x1, x2, t: parts[2] === "1" ? 1 : 0 });
  }
  return points;
}

/** Points as "x1,x2,t;…" with two decimals, short enough for a link. */
export function formatPoints(points: readonly CustomPoint[]): string {
  return points.map((point) => `${roundCoordinate(point.x1)},${roundCoordinate(point.x2)},${point.t}`).join(";");
}

/** A coordinate rounded to the two decimals a link keeps, so a point round-trips exactly. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A setting's value read from its text in a link or a control; undefined when refused. */
export const PARSERS: { readonly [K in AddressSetting]: (raw: string) => PlaygroundConfig[K] | undefined } = {
  hidden: parseHidden,
  loss: (raw) => parseChoice(raw, PLAYGROUND_LOSSES),
  optimizer: (raw) => parseChoice(raw, PLAYGROUND_OPTIMIZERS),
  momentum: (raw) => parseNumber(raw, LIMITS.momentum.min, LIMITS.momentum.max, false),
  batchSize: (raw) => parseNumber(raw, LIMITS.batchSize.min, LIMITS.batchSize.max, true),
  weightDecay: (raw) => parseNumber(raw, LIMITS.weightDecay.min, LIMITS.weightDecay.max, false),
  seed: (raw) => parseNumber(raw, LIMITS.seed.min, LIMITS.seed.max, true),
  speed: (raw) => parseNumber(raw, LIMITS.speed.min, LIMITS.speed.max, true),
  points: parsePoints,
};

/** What a setting may be, in words, for the notice about a refused value. */
export function describeAllowed(key: AddressSetting, s: Strings = en): string {
  switch (key) {
    case "hidden": return s.pgAllowedHidden({ layers: LIMITS.hiddenLayers, units: LIMITS.unitsPerLayer });
    case "loss": return s.paramOneOf({ choices: PLAYGROUND_LOSSES.join(s.paramChoiceSeparator) });
    case "optimizer": return s.paramOneOf({ choices: PLAYGROUND_OPTIMIZERS.join(s.paramChoiceSeparator) });
    case "momentum": return s.pgAllowedNumber(LIMITS.momentum);
    case "batchSize": return s.pgAllowedWhole(LIMITS.batchSize);
    case "weightDecay": return s.pgAllowedNumber(LIMITS.weightDecay);
    case "seed": return s.pgAllowedWhole(LIMITS.seed);
    case "speed": return s.pgAllowedWhole(LIMITS.speed);
    case "points": return s.pgAllowedPoints({ points: LIMITS.points, coordinate: LIMITS.coordinate });
  }
}

/** The setting as it appears in the URL. */
export function formatValue<K extends keyof PlaygroundConfig>(key: K, config: Readonly<Pick<PlaygroundConfig, K>>): string {
  const value = config[key] as PlaygroundConfig[keyof PlaygroundConfig];
  if (key === "hidden") return formatHidden(value as number[]);
  if (key === "points") return formatPoints(value as CustomPoint[]);
  return String(value);
}
