// The engine benchmark: our engine against tfjs (cpu, wasm), brain.js and convnetjs on the standard
// task, in one process. Run from the repository root with `npm run bench`; `node bench/run.mjs spiral` or
// `node bench/run.mjs digits` runs one task only.
import { build } from "esbuild";
import { copyToBrain, copyToTf } from "./copyWeights.mjs";
import { benchDigits } from "./digits.mjs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "package.json"));
const quick = process.argv.includes("--quick");
const TASKS = ["spiral", "digits"];
const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
for (const task of chosen) if (!TASKS.includes(task)) throw new Error(`unknown bench task ${JSON.stringify(task)}; allowed: ${TASKS.join(", ")}`);
const runs = (task) => chosen.length === 0 || chosen.includes(task);
const REPETITIONS = quick ? 3 : 7;
const SAMPLE_MS = quick ? 60 : 150;

// Our engine is TypeScript: bundle it once with the esbuild that the site already depends on.
const bundle = join(tmpdir(), `backprop-engine-${process.pid}.mjs`);
await build({ entryPoints: [join(here, "../src/engine/index.ts")], bundle: true, format: "esm", platform: "node", outfile: bundle, logLevel: "warning" });
const engine = await import(pathToFileURL(bundle).href);

const tf = require("@tensorflow/tfjs");
const wasm = require("@tensorflow/tfjs-backend-wasm");
const brain = require("brain.js");
const convnetjs = require("convnetjs");
wasm.setWasmPaths(join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm")), "/")); // the .wasm files ship in the package

/** The standard task: the two-arm spiral, 200 points per arm, uniform noise 0.1, coordinates / 5. */
const dataset = engine.makeDataset("spiral", { count: 400, noise: 0.1, random: engine.createRandom(2024) });
const LEARNING_RATE = 0.03;
const MINI_BATCH = 10;
const GRID = 100;
const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1, resolution: GRID };
const gridPoints = new Float32Array(GRID * GRID * 2);
for (let r = 0; r < GRID; r++) for (let c = 0; c < GRID; c++) {
  gridPoints[2 * (r * GRID + c)] = -1 + (2 * c) / (GRID - 1);
  gridPoints[2 * (r * GRID + c) + 1] = 1 - (2 * r) / (GRID - 1);
}
const miniBatches = Array.from({ length: dataset.count / MINI_BATCH }, (_, b) => Array.from({ length: MINI_BATCH }, (_, i) => b * MINI_BATCH + i));

/** Mean binary cross-entropy from logits, the loss every engine must start from. */
function crossEntropyFromLogits(logits) {
  let total = 0;
  for (let i = 0; i < dataset.count; i++) {
    const z = logits[i], t = dataset.targets[i];
    total += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
  }
  return total / dataset.count;
}

/** This process's CPU time in ms (all threads): on a shared machine it counts only the work done, not the waiting. */
function cpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `work` repeatedly for SAMPLE_MS of CPU time and returns operations per CPU second. Reading the clock
 * (a getrusage system call) costs about 5 µs of CPU, as much as a whole mini-batch step, so the clock is read
 * after batches of calls that double until a batch takes at least 1 ms: the clock then adds under 1%.
 */
function sample(work) {
  let count = 0;
  let batch = 1;
  const start = cpuMs();
  let last = start;
  let elapsed = 0;
  do {
    for (let i = 0; i < batch; i++) work();
    count += batch;
    const now = cpuMs();
    if (now - last < 1) batch *= 2;
    last = now;
    elapsed = now - start;
  } while (elapsed < SAMPLE_MS);
  return (count * 1000) / elapsed;
}

/** {median, min, max} of a list of rates. */
function summarise(rates) {
  const sorted = [...rates].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

// ——— Engines. Each builder copies our initial weights, returns the initial logits and three operations. ———

function buildOurs(initial) {
  const network = initial;
  const fullTrainer = engine.createTrainer({ network, dataset, optimizer: engine.createOptimizer({ kind: "gradientDescent", learningRate: LEARNING_RATE }) });
  const miniTrainer = engine.createTrainer({ network, dataset, batchSize: MINI_BATCH, optimizer: engine.createOptimizer({ kind: "gradientDescent", learningRate: LEARNING_RATE }), random: engine.createRandom(1) });
  engine.forward(network, dataset.inputs, dataset.count);
  const logits = Array.from(network.layers.at(-1).z);
  const output = new Float32Array(GRID * GRID);
  return {
    logits,
    fullBatch: () => engine.trainStep(fullTrainer),
    miniBatch: () => engine.trainStep(miniTrainer),
    grid: () => engine.evaluateGrid(network, { ...box, output, fast: true }),
    gridExact: () => engine.evaluateGrid(network, { ...box, output }),
  };
}

function buildTf(reference, backend) {
  tf.setBackend(backend);
  const logitsOf = copyToTf(tf, reference, "tanh");
  const xs = tf.tensor2d(Float32Array.from(dataset.inputs), [dataset.count, 2]);
  const ys = tf.tensor2d(Float32Array.from(dataset.targets), [dataset.count, 1]);
  const batches = miniBatches.map((indices) => [tf.gather(xs, indices), tf.gather(ys, indices)]);
  const grid = tf.tensor2d(gridPoints, [GRID * GRID, 2]);
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const step = (x, y) => optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(y, logitsOf(x)), false);
  let next = 0;
  return {
    activate: () => tf.setBackend(backend),
    logits: Array.from(tf.tidy(() => logitsOf(xs)).dataSync()),
    fullBatch: () => step(xs, ys),
    miniBatch: () => { const [x, y] = batches[next++ % batches.length]; step(x, y); },
    grid: () => tf.tidy(() => tf.sigmoid(logitsOf(grid)).dataSync()),
  };
}

function buildBrain(reference) {
  // brain.js puts its one activation on every layer, the output too: tanh here, so its logit is atanh(output).
  const net = new brain.NeuralNetwork({ inputSize: 2, hiddenLayers: reference.sizes.slice(1, -1), outputSize: 1, activation: "tanh" });
  net.initialize();
  net.trainOpts.learningRate = LEARNING_RATE;
  net.trainOpts.momentum = 0;
  copyToBrain(net, reference);
  const patterns = Array.from({ length: dataset.count }, (_, i) => ({ input: new Float32Array(dataset.inputs.subarray(2 * i, 2 * i + 2)), output: new Float32Array([dataset.targets[i]]) }));
  const point = new Float32Array(2);
  let next = 0;
  return {
    logits: patterns.map((p) => Math.atanh(net.run(p.input)[0])),
    // brain.js updates after every example (no batches): a "step" here is the same number of examples.
    fullBatch: () => { for (const p of patterns) net.trainPattern(p); },
    miniBatch: () => { for (let i = 0; i < MINI_BATCH; i++) net.trainPattern(patterns[next++ % patterns.length]); },
    grid: () => { for (let i = 0; i < GRID * GRID; i++) { point[0] = gridPoints[2 * i]; point[1] = gridPoints[2 * i + 1]; net.run(point); } },
  };
}

function buildConvnet(reference) {
  // convnetjs has no sigmoid cross-entropy; a 2-way softmax over logits (z, 0) is the same loss, σ(z).
  const definition = [{ type: "input", out_sx: 1, out_sy: 1, out_depth: 2 }];
  for (const size of reference.sizes.slice(1, -1)) definition.push({ type: "fc", num_neurons: size, activation: "tanh" });
  definition.push({ type: "softmax", num_classes: 2 });
  const net = new convnetjs.Net();
  net.makeLayers(definition);
  const fullyConnected = net.layers.filter((layer) => layer.layer_type === "fc");
  reference.layers.forEach((layer, l) => {
    const target = fullyConnected[l];
    const rows = l === reference.layers.length - 1 ? [[1, 0], [0, null]] : Array.from({ length: layer.outputSize }, (_, j) => [j, j]);
    for (const [unit, row] of rows) {
      for (let k = 0; k < layer.inputSize; k++) target.filters[unit].w[k] = row === null ? 0 : layer.weights[row * layer.inputSize + k];
      target.biases.w[unit] = row === null ? 0 : layer.biases[row];
    }
  });
  const examples = Array.from({ length: dataset.count }, (_, i) => { const v = new convnetjs.Vol(1, 1, 2, 0); v.w[0] = dataset.inputs[2 * i]; v.w[1] = dataset.inputs[2 * i + 1]; return v; });
  const fullTrainer = new convnetjs.Trainer(net, { method: "sgd", learning_rate: LEARNING_RATE, momentum: 0, batch_size: dataset.count, l2_decay: 0 });
  const miniTrainer = new convnetjs.Trainer(net, { method: "sgd", learning_rate: LEARNING_RATE, momentum: 0, batch_size: MINI_BATCH, l2_decay: 0 });
  const point = new convnetjs.Vol(1, 1, 2, 0);
  let next = 0;
  const logits = examples.map((v) => { net.forward(v); const z = fullyConnected.at(-1).out_act.w; return z[1] - z[0]; });
  return {
    logits,
    fullBatch: () => { for (let i = 0; i < dataset.count; i++) fullTrainer.train(examples[i], dataset.targets[i]); },
    miniBatch: () => { for (let i = 0; i < MINI_BATCH; i++) { const e = next++ % dataset.count; miniTrainer.train(examples[e], dataset.targets[e]); } },
    grid: () => { for (let i = 0; i < GRID * GRID; i++) { point.w[0] = gridPoints[2 * i]; point.w[1] = gridPoints[2 * i + 1]; net.forward(point); } },
  };
}

// ——— Run. ———

await tf.setBackend("wasm");
await tf.ready();
const format = (x) => (x >= 1000 ? Math.round(x).toString() : x.toPrecision(3));
const cell = ({ median, min, max }) => `${format(median)} [${format(min)}–${format(max)}]`;
let allMet = true;

for (const sizes of runs("spiral") ? [[2, 8, 8, 1], [2, 32, 32, 32, 1]] : []) {
  const makeInitial = () => {
    const network = engine.createNetwork({ sizes, hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "binaryCrossEntropy", init: "glorotUniform", random: engine.createRandom(7) });
    return network; // biases start at zero
  };
  const builders = [
    ["ours", () => buildOurs(makeInitial())],
    ["tfjs-cpu", () => buildTf(makeInitial(), "cpu")],
    ["tfjs-wasm", () => buildTf(makeInitial(), "wasm")],
    ["brain.js", () => buildBrain(makeInitial())],
    ["convnetjs", () => buildConvnet(makeInitial())],
  ];
  console.log(`\nMLP ${sizes.join("-")}, spiral 400 points, tanh hidden, sigmoid output, cross-entropy, GD η = ${LEARNING_RATE}; operations per CPU second (process.cpuUsage), median [min–max] over ${REPETITIONS} rounds`);
  const engines = {};
  let ourLoss = NaN;
  for (const [name, make] of builders) {
    const engineUnderTest = make();
    const loss = crossEntropyFromLogits(engineUnderTest.logits);
    if (name === "ours") ourLoss = loss;
    // Float32 engines agree to about 1e-6; anything more means the weights were not copied right.
    if (Math.abs(loss - ourLoss) > 1e-4) throw new Error(`${name} starts from loss ${loss}, ours from ${ourLoss}: weights were not copied correctly`);
    engines[name] = { ...engineUnderTest, loss, rates: { fullBatch: [], miniBatch: [], grid: [], gridExact: [] } };
  }
  // Rounds: every engine is sampled once per round, so a busy moment on a shared machine hits them all alike.
  const tasks = ["fullBatch", "miniBatch", "grid", "gridExact"];
  for (let round = -1; round < REPETITIONS; round++) {
    for (const engineUnderTest of Object.values(engines)) {
      if (engineUnderTest.activate) await engineUnderTest.activate();
      for (const task of tasks) {
        if (!engineUnderTest[task]) continue;
        if (round < 0) for (let i = 0; i < 5; i++) engineUnderTest[task](); // warm the JIT
        else engineUnderTest.rates[task].push(sample(engineUnderTest[task]));
      }
    }
  }
  console.log(["engine".padEnd(10), "initial loss".padEnd(13), "full-batch steps/s".padEnd(28), `mini-batch(${MINI_BATCH}) steps/s`.padEnd(28), "100×100 grids/s".padEnd(28)].join(" "));
  const results = {};
  for (const [name, engineUnderTest] of Object.entries(engines)) {
    const row = Object.fromEntries(tasks.filter((task) => engineUnderTest.rates[task].length).map((task) => [task, summarise(engineUnderTest.rates[task])]));
    results[name] = row;
    console.log([name.padEnd(10), engineUnderTest.loss.toFixed(6).padEnd(13), cell(row.fullBatch).padEnd(28), cell(row.miniBatch).padEnd(28), cell(row.grid).padEnd(28)].join(" "));
  }
  const ours = results.ours;
  console.log(`ours, exact grid: ${cell(ours.gridExact)} grids/s`);
  for (const [name, row] of Object.entries(results)) {
    if (name === "ours") continue;
    console.log(`ours / ${name.padEnd(10)} full-batch ${(ours.fullBatch.median / row.fullBatch.median).toFixed(2)}×   mini-batch ${(ours.miniBatch.median / row.miniBatch.median).toFixed(2)}×   grid ${(ours.grid.median / row.grid.median).toFixed(2)}× (exact ${(ours.gridExact.median / row.grid.median).toFixed(2)}×)`);
  }
  const peers = Object.entries(results).filter(([name]) => name !== "ours").map(([, row]) => row);
  for (const column of ["fullBatch", "miniBatch"]) {
    const fastest = Math.max(...peers.map((row) => row[column].median));
    const met = ours[column].median >= 2 * fastest;
    allMet &&= met;
    console.log(`target ${column}: ours ≥ 2 × fastest peer (${format(fastest)}): ${met ? "met" : "NOT met"}`);
  }
  const gridMet = ours.grid.median >= results["tfjs-wasm"].grid.median;
  allMet &&= gridMet;
  console.log(`target grid: ours ≥ tfjs-wasm: ${gridMet ? "met" : "NOT met"}`);
}
if (runs("digits")) allMet = (await benchDigits({ engine, tf, brain, sample, summarise, repetitions: REPETITIONS, format })) && allMet;
console.log(allMet ? "\nAll targets met." : "\nSome targets were not met (see above).");
