// The digits task of the benchmark: a 784-30-10 network (sigmoid hidden units, softmax output, cross-entropy)
// on chapter 7's handwritten digits. Two operations: one epoch of mini-batch-10 SGD over the 8,000 training
// digits, and one evaluation of the 2,000 test digits. Called by run.mjs with the engines it already loaded.
import { build } from "esbuild";
import { copyToBrain, copyToTf } from "./copyWeights.mjs";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [784, 30, 10];
const MINI_BATCH = 10;
const LEARNING_RATE = 0.5;

/** Benchmarks every engine on the digits; returns whether ours met both targets. */
export async function benchDigits({ engine, tf, brain, sample, summarise, repetitions, format }) {
  const parser = join(tmpdir(), `backprop-digits-${process.pid}.mjs`);
  await build({ entryPoints: [join(here, "../src/data/digits.ts")], bundle: true, format: "esm", platform: "node", outfile: parser, logLevel: "warning" });
  const { parseDigits, toDigitDataset } = await import(pathToFileURL(parser).href);
  const set = parseDigits(gunzipSync(readFileSync(join(here, "../public/data/digits.bin.gz"))));
  const train = toDigitDataset(set.train, "train");
  const test = toDigitDataset(set.test, "test");
  const makeInitial = () => engine.createNetwork({ sizes: SIZES, hiddenActivation: "sigmoid", outputActivation: "softmax", loss: "softmaxCrossEntropy", init: "glorotUniform", random: engine.createRandom(7) });
  const stepsPerEpoch = train.count / MINI_BATCH;

  const builders = [
    ["ours", () => {
      const network = makeInitial();
      const trainer = engine.createTrainer({ network, dataset: train, batchSize: MINI_BATCH, optimizer: engine.createOptimizer({ kind: "gradientDescent", learningRate: LEARNING_RATE }), random: engine.createRandom(1) });
      return {
        loss: engine.evaluate(network, test).loss,
        epoch: () => { for (let s = 0; s < stepsPerEpoch; s++) engine.trainStep(trainer); },
        evaluate: () => engine.evaluate(network, test),
      };
    }],
    ["tfjs-cpu", () => buildTf(tf, "cpu", makeInitial(), train, test)],
    ["tfjs-wasm", () => buildTf(tf, "wasm", makeInitial(), train, test)],
    ["brain.js", () => buildBrain(brain, makeInitial(), train, test)],
  ];
  console.log(`\nDigits: MLP ${SIZES.join("-")}, ${train.count} training and ${test.count} test digits, sigmoid hidden, softmax output, cross-entropy (brain.js: sigmoid output, its own error), SGD η = ${LEARNING_RATE}, mini-batch ${MINI_BATCH}; operations per CPU second, median [min–max] over ${repetitions} rounds`);
  const engines = {};
  for (const [name, make] of builders) engines[name] = { ...(await make()), rates: { epoch: [], evaluate: [] } };
  const ourLoss = engines.ours.loss;
  for (const [name, built] of Object.entries(engines)) {
    // The same initial weights give the same test loss at initialisation (float32 peers to ~1e-5).
    if (built.loss !== undefined && Math.abs(built.loss - ourLoss) > 1e-3) throw new Error(`${name} starts from test loss ${built.loss}, ours from ${ourLoss}: weights were not copied correctly`);
  }
  for (let round = -1; round < repetitions; round++) {
    for (const built of Object.values(engines)) {
      if (built.activate) await built.activate();
      for (const task of ["epoch", "evaluate"]) {
        if (round < 0) built[task](); // warm the JIT
        else built.rates[task].push(sample(built[task]));
      }
    }
  }
  const cell = ({ median, min, max }) => `${format(median)} [${format(min)}–${format(max)}]`;
  console.log(["engine".padEnd(10), "initial test loss".padEnd(18), "epochs/s".padEnd(28), "test evaluations/s".padEnd(28)].join(" "));
  const results = {};
  for (const [name, built] of Object.entries(engines)) {
    results[name] = { epoch: summarise(built.rates.epoch), evaluate: summarise(built.rates.evaluate) };
    console.log([name.padEnd(10), (built.loss === undefined ? "n/a" : built.loss.toFixed(5)).padEnd(18), cell(results[name].epoch).padEnd(28), cell(results[name].evaluate).padEnd(28)].join(" "));
  }
  const ours = results.ours;
  for (const [name, row] of Object.entries(results)) {
    if (name !== "ours") console.log(`ours / ${name.padEnd(10)} epoch ${(ours.epoch.median / row.epoch.median).toFixed(2)}×   evaluation ${(ours.evaluate.median / row.evaluate.median).toFixed(2)}×`);
  }
  const fastest = Math.max(...Object.entries(results).filter(([name]) => name !== "ours").map(([, row]) => row.epoch.median));
  const epochMet = ours.epoch.median >= 2 * fastest;
  const evaluateMet = ours.evaluate.median >= results["tfjs-wasm"].evaluate.median;
  console.log(`target epoch: ours ≥ 2 × fastest peer (${format(fastest)}): ${epochMet ? "met" : "NOT met"}`);
  console.log(`target evaluation: ours ≥ tfjs-wasm: ${evaluateMet ? "met" : "NOT met"}`);
  return epochMet && evaluateMet;
}

function buildTf(tf, backend, reference, train, test) {
  tf.setBackend(backend);
  const logitsOf = copyToTf(tf, reference, "sigmoid");
  const xs = tf.tensor2d(Float32Array.from(train.inputs), [train.count, train.inputSize]);
  const ys = tf.tensor2d(Float32Array.from(train.targets), [train.count, 10]);
  const testXs = tf.tensor2d(Float32Array.from(test.inputs), [test.count, test.inputSize]);
  const testYs = tf.tensor2d(Float32Array.from(test.targets), [test.count, 10]);
  const batches = Array.from({ length: train.count / MINI_BATCH }, (_, b) => {
    const indices = Array.from({ length: MINI_BATCH }, (_, i) => b * MINI_BATCH + i);
    return [tf.gather(xs, indices), tf.gather(ys, indices)];
  });
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const loss = tf.tidy(() => tf.losses.softmaxCrossEntropy(testYs, logitsOf(testXs)).dataSync()[0]);
  return {
    activate: () => tf.setBackend(backend),
    loss,
    epoch: () => { for (const [x, y] of batches) optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, logitsOf(x)), false); },
    evaluate: () => tf.tidy(() => tf.losses.softmaxCrossEntropy(testYs, logitsOf(testXs)).dataSync()[0]),
  };
}

function buildBrain(brain, reference, train, test) {
  // brain.js has no softmax: its one activation (sigmoid) is on every layer, so it gets the same weights but not the same loss.
  const net = new brain.NeuralNetwork({ inputSize: 784, hiddenLayers: [30], outputSize: 10, activation: "sigmoid" });
  net.initialize();
  net.trainOpts.learningRate = LEARNING_RATE;
  net.trainOpts.momentum = 0;
  copyToBrain(net, reference);
  const toPattern = (dataset, n) => ({ input: Float32Array.from(dataset.inputs.subarray(784 * n, 784 * (n + 1))), output: Float32Array.from(dataset.targets.subarray(10 * n, 10 * (n + 1))) });
  const patterns = Array.from({ length: train.count }, (_, n) => toPattern(train, n));
  const testPatterns = Array.from({ length: test.count }, (_, n) => toPattern(test, n));
  return {
    // brain.js updates after every example (no batches): an epoch is the same 8,000 examples.
    epoch: () => { for (const p of patterns) net.trainPattern(p); },
    evaluate: () => { for (const p of testPatterns) net.run(p.input); },
  };
}
