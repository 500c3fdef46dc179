/** The matrix kernels the network needs, C = A·Bᵀ (+ b) and C = s·AᵀB, tuned because every forward and backward pass runs through them. */

/**
 * C = A·Bᵀ + bias, i.e. C[i][j] = bias[j] + Σ_k A[i][k]·B[j][k], with A rows × inner, B columns × inner
 * and C rows × columns, all row-major; `bias` null means 0. Each sum runs over k in order, so the result
 * is the same as the plain triple loop, bit for bit.
 */
export function multiplyTransposed(
  A: Float64Array, B: Float64Array, C: Float64Array, rows: number, columns: number, inner: number, bias: Float64Array | null,
): void {
  const blockRows = rows - (rows % 3);
  const blockColumns = columns - (columns % 4);
  // 3 × 4 blocks of C: every element of A loaded is used four times and every element of B three times, in
  // twelve running sums that stay in registers (x64 has sixteen; a 4 × 4 block spills). This is most of the engine's speed.
  for (let i = 0; i < blockRows; i += 3) {
    const a0 = i * inner, a1 = a0 + inner, a2 = a1 + inner;
    for (let j = 0; j < blockColumns; j += 4) {
      const b0 = j * inner, b1 = b0 + inner, b2 = b1 + inner, b3 = b2 + inner;
      let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
      if (bias !== null) { r0 = bias[j]; r1 = bias[j + 1]; r2 = bias[j + 2]; r3 = bias[j + 3]; }
      let s0 = r0, s1 = r1, s2 = r2, s3 = r3; // row i
      let t0 = r0, t1 = r1, t2 = r2, t3 = r3; // row i + 1
      let u0 = r0, u1 = r1, u2 = r2, u3 = r3; // row i + 2
      for (let k = 0; k < inner; k++) {
        const x = A[a0 + k], y = A[a1 + k], z = A[a2 + k];
        let w = B[b0 + k];
        s0 += x * w; t0 += y * w; u0 += z * w;
        w = B[b1 + k];
        s1 += x * w; t1 += y * w; u1 += z * w;
        w = B[b2 + k];
        s2 += x * w; t2 += y * w; u2 += z * w;
        w = B[b3 + k];
        s3 += x * w; t3 += y * w; u3 += z * w;
      }
      const c = i * columns + j, d = c + columns, e = d + columns;
      C[c] = s0; C[c + 1] = s1; C[c + 2] = s2; C[c + 3] = s3;
      C[d] = t0; C[d + 1] = t1; C[d + 2] = t2; C[d + 3] = t3;
      C[e] = u0; C[e + 1] = u1; C[e + 2] = u2; C[e + 3] = u3;
    }
  }
  // What the blocks leave, in smaller blocks (small layers and mini-batches are mostly edges): the last rows % 3
  // rows four columns at a time, then the last columns % 4 columns three rows at a time, then single elements.
  for (let i = blockRows; i < rows; i++) {
    const a0 = i * inner;
    for (let j = 0; j < blockColumns; j += 4) {
      const b0 = j * inner, b1 = b0 + inner, b2 = b1 + inner, b3 = b2 + inner;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      if (bias !== null) { s0 = bias[j]; s1 = bias[j + 1]; s2 = bias[j + 2]; s3 = bias[j + 3]; }
      for (let k = 0; k < inner; k++) {
        const x = A[a0 + k];
        s0 += x * B[b0 + k]; s1 += x * B[b1 + k]; s2 += x * B[b2 + k]; s3 += x * B[b3 + k];
      }
      const c = i * columns + j;
      C[c] = s0; C[c + 1] = s1; C[c + 2] = s2; C[c + 3] = s3;
    }
  }
  for (let j = blockColumns; j < columns; j++) {
    const b0 = j * inner;
    const start = bias === null ? 0 : bias[j];
    let i = 0;
    for (; i < blockRows; i += 3) {
      const a0 = i * inner, a1 = a0 + inner, a2 = a1 + inner;
      let s = start, t = start, u = start;
      for (let k = 0; k < inner; k++) {
        const w = B[b0 + k];
        s += A[a0 + k] * w; t += A[a1 + k] * w; u += A[a2 + k] * w;
      }
      C[i * columns + j] = s; C[(i + 1) * columns + j] = t; C[(i + 2) * columns + j] = u;
    }
    for (; i < rows; i++) {
      let sum = start;
      for (let k = 0; k < inner; k++) sum += A[i * inner + k] * B[b0 + k];
      C[i * columns + j] = sum;
    }
  }
}

/**
 * C = s·AᵀB, i.e. C[j][k] = s·Σ_i A[i][j]·B[i][k], with A rows × m, B rows × n and C m × n, all row-major:
 * the batch sum of outer products behind ∂E/∂W = (1/B) Σ_b δ_b a_bᵀ, read straight from the example-major
 * batches (no transposed copies). Each sum runs over i in order, as in the plain loop, bit for bit.
 */
export function multiplyFirstTransposed(
  A: Float64Array, B: Float64Array, C: Float64Array, rows: number, m: number, n: number, scale: number,
): void {
  const blockM = m - (m % 4);
  const blockN = n - (n % 2);
  // 4 × 2 blocks of C again; p and q walk down a column pair of A and B, one example per step.
  for (let j = 0; j < blockM; j += 4) {
    for (let k = 0; k < blockN; k += 2) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      for (let i = 0, p = j, q = k; i < rows; i++, p += m, q += n) {
        const x0 = A[p], x1 = A[p + 1], x2 = A[p + 2], x3 = A[p + 3];
        const u = B[q], v = B[q + 1];
        s0 += x0 * u; s1 += x1 * u; s2 += x2 * u; s3 += x3 * u;
        t0 += x0 * v; t1 += x1 * v; t2 += x2 * v; t3 += x3 * v;
      }
      const c = j * n + k;
      C[c] = s0 * scale; C[c + n] = s1 * scale; C[c + 2 * n] = s2 * scale; C[c + 3 * n] = s3 * scale;
      C[c + 1] = t0 * scale; C[c + 1 + n] = t1 * scale; C[c + 1 + 2 * n] = t2 * scale; C[c + 1 + 3 * n] = t3 * scale;
    }
  }
  // What the blocks leave: the last column of the blocked rows when n is odd, and the last m % 4 rows.
  for (let j = 0; j < m; j++) {
    for (let k = j < blockM ? blockN : 0; k < n; k++) {
      let sum = 0;
      for (let i = 0, p = j, q = k; i < rows; i++, p += m, q += n) sum += A[p] * B[q];
      C[j * n + k] = sum * scale;
    }
  }
}

/** Aᵀ into `target`: target[j][i] = A[i][j] for A rows × columns. */
export function transpose(A: Float64Array, target: Float64Array, rows: number, columns: number): void {
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) target[j * rows + i] = A[i * columns + j];
}
