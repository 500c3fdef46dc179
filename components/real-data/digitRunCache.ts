/**
 * Build-time only: a trained run's results kept on disk between builds (node_modules/.cache), so an
 * unchanged book does not retrain its digits. The key hashes everything that decides the numbers:
 * the digits file, the engine's and the trainer's sources, the settings and the epochs; any change
 * to one of them is a new key, and a cache that cannot be read is ignored.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DigitData } from "./digitData";
import { startDigitRun, type DigitPoint, type DigitRun } from "./digitRun";
import type { DigitSettings } from "./digitSettings";

const ROOT = process.cwd();
/** The sources whose every byte can change a trained run's numbers. */
const SOURCES = ["src/engine", "src/data/digits.ts", "components/real-data/digitRun.ts", "components/real-data/digitData.ts", "components/real-data/digitSettings.ts", "public/data/digits.bin.gz"];

/** Where cached runs live; a folder tools already treat as disposable. */
export const CACHE_DIR = join(ROOT, "node_modules/.cache/backprop-digits");

interface CachedRun {
  history: DigitPoint[];
  steps: number;
  epochs: number;
  report: { examples: number; loss: number; accuracy: number; predicted: string; confidence: string; confusion: number[] };
  layers: { weights: string; biases: string }[];
}

function listFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!full.endsWith(".ts") && !full.endsWith(".gz")) {
    return readdirSync(full).filter((name) => name.endsWith(".ts")).sort().map((name) => join(path, name));
  }
  return [path];
}

/** The cache key of a run: a hash of the sources, the digits, the settings and the epochs. */
export function hashRun(settings: DigitSettings, epochs: number): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap(listFiles)) hash.update(file).update(readFileSync(join(ROOT, file)));
  hash.update(JSON.stringify([settings, epochs]));
  return hash.digest("hex").slice(0, 32);
}

const encode = (array: Float64Array | Uint8Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
const decodeFloats = (text: string) => {
  const bytes = Buffer.from(text, "base64");
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

/** Writes a trained run under `key`; a failure to write only costs the next build a retraining. */
export function saveRun(key: string, run: DigitRun): void {
  if (!run.report || run.evaluation) return;
  const cached: CachedRun = {
    history: run.history,
    steps: run.trainer.steps,
    epochs: run.trainer.epochs,
    report: { ...run.report, predicted: encode(run.report.predicted), confidence: encode(run.report.confidence), confusion: Array.from(run.report.confusion) },
    layers: run.trainer.network.layers.map((layer) => ({ weights: encode(layer.weights), biases: encode(layer.biases) })),
  };
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(join(CACHE_DIR, `${key}.json`), JSON.stringify(cached));
  } catch {
    // A read-only node_modules is fine: the run was trained and is used as it is.
  }
}

/** The run saved under `key`, rebuilt for showing (weights, curves, test report; not for training further), or null. */
export function restoreRun(key: string, settings: DigitSettings, data: DigitData): DigitRun | null {
  const file = join(CACHE_DIR, `${key}.json`);
  if (!existsSync(file)) return null;
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as CachedRun;
    const run = startDigitRun(settings, data);
    const layers = run.trainer.network.layers;
    if (cached.layers.length !== layers.length) return null;
    cached.layers.forEach((saved, l) => {
      layers[l].weights.set(decodeFloats(saved.weights));
      layers[l].biases.set(decodeFloats(saved.biases));
    });
    // JSON writes NaN (the first point's missing training values) as null.
    run.history = cached.history.map((point) => Object.fromEntries(Object.entries(point).map(([name, value]) => [name, value ?? NaN])) as unknown as DigitPoint);
    run.trainer.steps = cached.steps;
    run.trainer.epochs = cached.epochs;
    const predicted = Buffer.from(cached.report.predicted, "base64");
    run.report = {
      ...cached.report,
      predicted: new Uint8Array(predicted.buffer.slice(predicted.byteOffset, predicted.byteOffset + predicted.byteLength)),
      confidence: decodeFloats(cached.report.confidence),
      confusion: Int32Array.from(cached.report.confusion),
    };
    run.evaluation = null;
    return run;
  } catch {
    return null;
  }
}
