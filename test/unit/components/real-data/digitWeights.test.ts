import { describe, expect, it } from "vitest";
import { encodeDefaultWeights, loadDigitsAtBuild, trainDefaultRun, trainForPage } from "../../../../components/real-data/digitBuildRun";
import { ACCURACY_FLOOR, DEFAULT_DIGIT_SETTINGS } from "../../../../components/real-data/digitDefaults";
import { classifyDigit, readTestDigit } from "../../../../components/real-data/digitReport";
import { countCorrect, decodeDigitWeights, encodeDigitWeights } from "../../../../components/real-data/digitWeights";
import { DIGIT_WEIGHTS_PATH, fetchDigitWeights } from "../../../../src/data/fetchDigitWeights";
import { GET } from "../../../../src/pages/data/digit-weights.bin";

const argMax = (p: ArrayLike<number>) => Array.prototype.indexOf.call(p, Math.max(...Array.from(p)));

// The default run comes from the build's cache of trained runs when the sources are unchanged, else is trained here (seconds).
describe("the build's trained weights file", { timeout: 120_000 }, () => {
  it("is written by the site's endpoint from the very run the saved figures show", async () => {
    const run = trainDefaultRun();
    expect(trainForPage(DEFAULT_DIGIT_SETTINGS)).toBe(run); // the widget's saved view draws this run
    const served = new Uint8Array(await (await GET({} as Parameters<typeof GET>[0])).arrayBuffer());
    expect(Buffer.compare(served, encodeDefaultWeights())).toBe(0);
    expect(Buffer.compare(served, encodeDigitWeights(run.trainer.network, run.settings.activation, run.data.test))).toBe(0);
    expect(DIGIT_WEIGHTS_PATH).toBe("data/digit-weights.bin");
  });

  it("is 8-bit, a quarter of float32's 95,440 bytes, and each stored weight is within half a step of the run's", () => {
    const run = trainDefaultRun();
    const bytes = encodeDefaultWeights();
    console.log(`trained digit weights: ${bytes.length} bytes`);
    expect(bytes.length).toBe(24_000);
    const { network, activation } = decodeDigitWeights(bytes);
    expect(activation).toBe(run.settings.activation);
    expect(network.sizes).toEqual([784, 30, 10]);
    network.layers.forEach((layer, l) => {
      const original = run.trainer.network.layers[l];
      const step = Math.max(...Array.from(original.weights, Math.abs)) / 127;
      for (let i = 0; i < layer.weights.length; i++) expect(Math.abs(layer.weights[i] - original.weights[i])).toBeLessThanOrEqual(step / 2 + 1e-9);
      for (let j = 0; j < layer.biases.length; j++) expect(layer.biases[j]).toBe(Math.fround(original.biases[j]));
    });
  });

  it("reproduces the build's test accuracy and gives every test digit the run's answer", () => {
    const run = trainDefaultRun();
    const data = loadDigitsAtBuild();
    const stored = decodeDigitWeights(encodeDefaultWeights());
    // The accuracy the file states is measured afresh here on the decoded network.
    expect(stored.testCount).toBe(data.test.count);
    expect(countCorrect(stored.network, data.test)).toBe(stored.correct);
    const accuracy = stored.correct / stored.testCount;
    console.log(`shipped weights: ${(accuracy * 100).toFixed(2)} % of the test digits right; the run's float64 weights ${(run.report!.accuracy * 100).toFixed(2)} %`);
    expect((accuracy * 100).toFixed(1)).toBe((run.report!.accuracy * 100).toFixed(1));
    expect(accuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    let different = 0;
    for (let index = 0; index < data.test.count; index++) {
      if (argMax(classifyDigit(stored.network, readTestDigit(data, index))) !== run.report!.predicted[index]) different++;
    }
    expect(different).toBe(0);
  });

  it("names what is wrong with a damaged file", () => {
    const bytes = encodeDefaultWeights();
    expect(() => decodeDigitWeights(new TextEncoder().encode("<!doctype html>"))).toThrow(/does not start with "DGW1"/);
    expect(() => decodeDigitWeights(bytes.slice(0, 1000))).toThrow(/damaged: 1000 bytes where a 784-30-10 network takes 24000/);
  });
});

describe("fetching the trained weights", () => {
  it("returns the bytes, and names the address and the failure otherwise", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(Array.from(await fetchDigitWeights("/w.bin", async () => new Response(bytes)))).toEqual([1, 2, 3]);
    await expect(fetchDigitWeights("/w.bin", async () => new Response("missing", { status: 404, statusText: "Not Found" }))).rejects.toThrow("Could not load /w.bin: the server answered 404 Not Found.");
    await expect(fetchDigitWeights("/w.bin", async () => Promise.reject(new TypeError("Failed to fetch")))).rejects.toThrow("Could not load /w.bin: Failed to fetch.");
  });

  it("asks for the file under the base path the site was built for", async () => {
    const asked: string[] = [];
    await fetchDigitWeights(undefined, async (url) => {
      asked.push(String(url));
      return new Response(new Uint8Array(1));
    });
    expect(asked).toEqual([`${import.meta.env.BASE_URL.replace(/\/?$/, "/")}data/digit-weights.bin`]);
  });
});
