import { PerformanceObserver } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { createNetwork, createOptimizer, createRandom, createTrainer, makeDataset, trainStep, type OptimizerKind } from "../../../src/engine/index";

/**
 * Bytes the heap grows by per call of `step` after a warm-up: the least over runs in which no garbage collection
 * happened, since a late optimisation of the code can add a one-off allocation to any single run, while an
 * allocation made every step shows in all of them. What remains is V8 boxing a returned float (16 bytes each: the
 * loss, the accuracy) where a call is not inlined; a buffer, a view or an array made per step would show as far more.
 */
async function measureBytesPerStep(step: () => void, steps: number): Promise<number> {
  for (let i = 0; i < steps; i++) step(); // buffers sized, code optimised
  const clean: number[] = [];
  for (let attempt = 0; attempt < 12 && clean.length < 4; attempt++) {
    const collections: number[] = [];
    const observer = new PerformanceObserver((list) => collections.push(...list.getEntries().map((entry) => entry.startTime)));
    observer.observe({ entryTypes: ["gc"] });
    const start = performance.now();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < steps; i++) step();
    const growth = process.memoryUsage().heapUsed - before;
    const end = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20)); // gc entries arrive asynchronously
    observer.disconnect();
    if (!collections.some((time) => time >= start && time <= end)) clean.push(growth / steps);
  }
  if (clean.length === 0) throw new Error("a garbage collection interrupted every measurement");
  return Math.min(...clean);
}

describe("training steps allocate no buffers after the first", () => {
  const cases: [string, number[], number | undefined, OptimizerKind, number][] = [
    ["2-8-8-1, mini-batches of 10, gradient descent (the JavaScript kernels)", [2, 8, 8, 1], 10, "gradientDescent", 3000],
    ["2-8-8-1, full batch, Adam", [2, 8, 8, 1], undefined, "adam", 1000],
    ["2-32-32-32-1, full batch, momentum (the SIMD kernels)", [2, 32, 32, 32, 1], undefined, "momentum", 300],
  ];
  it.each(cases)("%s", { timeout: 60_000 }, async (_, sizes, batchSize, kind, steps) => {
    const network = createNetwork({ sizes, hiddenActivation: "tanh", outputActivation: "sigmoid", loss: "binaryCrossEntropy", random: createRandom(1), init: "glorotUniform" });
    const dataset = makeDataset("spiral", { count: 400, random: createRandom(2) });
    const trainer = createTrainer({ network, dataset, batchSize, optimizer: createOptimizer({ kind, learningRate: 0.01 }), random: createRandom(3) });
    const bytes = await measureBytesPerStep(() => trainStep(trainer), steps);
    console.log(`[measure] ${sizes.join("-")} ${batchSize ? `batch ${batchSize}` : "full batch"} ${kind}: ${bytes.toFixed(0)} bytes allocated per step`);
    // The smallest buffer a layer could need (400 examples × 1 unit × 8 bytes) is 3,200 bytes; boxed floats stay well under 300.
    expect(bytes).toBeLessThan(300);
  });
});
