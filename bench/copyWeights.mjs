// Our initial weights, copied into the peers, so every engine in the benchmark starts from the same network.

/** tfjs variables for each layer and the logits function z[L](x), with `hidden` ("tanh" or "sigmoid") on the hidden layers. */
export function copyToTf(tf, reference, hidden) {
  const layers = reference.layers.map((layer) => ({
    // tfjs multiplies x·W with W of shape [in, out]: the transpose of our W[l].
    weights: tf.variable(tf.tensor2d(Float32Array.from(layer.weights), [layer.outputSize, layer.inputSize]).transpose()),
    biases: tf.variable(tf.tensor1d(Float32Array.from(layer.biases))),
  }));
  return (x) => layers.reduce((a, layer, l) => {
    const z = a.matMul(layer.weights).add(layer.biases);
    return l === layers.length - 1 ? z : z[hidden]();
  }, x);
}

/** Writes W[l] and b[l] into a brain.js NeuralNetwork, whose layer 0 is the input. */
export function copyToBrain(net, reference) {
  reference.layers.forEach((layer, l) => {
    for (let j = 0; j < layer.outputSize; j++) {
      for (let k = 0; k < layer.inputSize; k++) net.weights[l + 1][j][k] = layer.weights[j * layer.inputSize + k];
      net.biases[l + 1][j] = layer.biases[j];
    }
  });
}
