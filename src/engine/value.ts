/**
 * Scalar reverse-mode autograd, in the spirit of micrograd.
 *
 * Each `Value` remembers its parents and, unlike micrograd's closures, the local derivative
 * ∂out/∂parent of each parent as a plain number computed during the forward pass. Backward is
 * then one generic loop, `parent.grad += local · out.grad`, which is exactly the chain rule the
 * chapters write, and a widget can read every factor of it.
 */

/** Anything an operation accepts: a `Value`, or a plain number treated as a constant. */
export type Operand = Value | number;

/** A scalar in a computation graph: its `data`, its `grad` = ∂out/∂this after `backward()`, and how it was made. */
export class Value {
  /** The number computed in the forward pass. */
  data: number;
  /** ∂output/∂this, filled in by `backward()` on some output. */
  grad = 0;
  /** A name for drawing, e.g. "a" or "w1"; empty when not given. */
  label: string;
  /** The operation that produced this value ("" for inputs and constants). */
  readonly op: string;
  /** The operands this value was computed from, in order. */
  readonly parents: readonly Value[];
  /** localDerivatives[i] = ∂this/∂parents[i], evaluated at the forward-pass numbers. */
  readonly localDerivatives: readonly number[];

  /** Creates a leaf (an input or a parameter) holding `data`. */
  constructor(data: number, label = "", op = "", parents: readonly Value[] = [], localDerivatives: readonly number[] = []) {
    this.data = data;
    this.label = label;
    this.op = op;
    this.parents = parents;
    this.localDerivatives = localDerivatives;
  }

  /** a + b, with ∂/∂a = 1 and ∂/∂b = 1. */
  add(other: Operand): Value {
    const b = toValue(other);
    return new Value(this.data + b.data, "", "+", [this, b], [1, 1]);
  }

  /** a − b, with ∂/∂a = 1 and ∂/∂b = −1. */
  sub(other: Operand): Value {
    const b = toValue(other);
    return new Value(this.data - b.data, "", "-", [this, b], [1, -1]);
  }

  /** a · b, with ∂(a·b)/∂a = b and ∂(a·b)/∂b = a. */
  mul(other: Operand): Value {
    const b = toValue(other);
    return new Value(this.data * b.data, "", "*", [this, b], [b.data, this.data]);
  }

  /** a / b, with ∂/∂a = 1/b and ∂/∂b = −a/b². */
  div(other: Operand): Value {
    const b = toValue(other);
    return new Value(this.data / b.data, "", "/", [this, b], [1 / b.data, -this.data / (b.data * b.data)]);
  }

  /** aⁿ for a plain number n, with ∂(aⁿ)/∂a = n·aⁿ⁻¹. */
  pow(exponent: number): Value {
    if (typeof exponent !== "number") throw new TypeError(`pow takes a plain number exponent, got ${typeof exponent}`);
    return new Value(this.data ** exponent, "", `^${exponent}`, [this], [exponent * this.data ** (exponent - 1)]);
  }

  /** −a, with ∂(−a)/∂a = −1. */
  neg(): Value {
    return new Value(-this.data, "", "neg", [this], [-1]);
  }

  /** eᵃ, with ∂eᵃ/∂a = eᵃ. */
  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, "", "exp", [this], [e]);
  }

  /** ln a, with ∂(ln a)/∂a = 1/a. */
  log(): Value {
    return new Value(Math.log(this.data), "", "log", [this], [1 / this.data]);
  }

  /** tanh a, with ∂(tanh a)/∂a = 1 − tanh² a. */
  tanh(): Value {
    const t = Math.tanh(this.data);
    return new Value(t, "", "tanh", [this], [1 - t * t]);
  }

  /** σ(a) = 1/(1 + e⁻ᵃ), with ∂σ/∂a = σ(1 − σ). */
  sigmoid(): Value {
    const s = 1 / (1 + Math.exp(-this.data));
    return new Value(s, "", "sigmoid", [this], [s * (1 - s)]);
  }

  /** relu(a) = max(0, a), with ∂/∂a = 1 if a > 0 else 0. */
  relu(): Value {
    return new Value(this.data > 0 ? this.data : 0, "", "relu", [this], [this.data > 0 ? 1 : 0]);
  }

  /** Sets this.grad = 1 and every other grad = ∂this/∂node by the chain rule; returns how many local derivatives it applied. */
  backward(): number {
    const order = sortTopologically(this);
    // Zero first, so a second call recomputes the same gradients instead of adding to them.
    for (const node of order) node.grad = 0;
    this.grad = 1;
    let applied = 0;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      for (let p = 0; p < node.parents.length; p++) {
        // ∂out/∂parent += ∂out/∂node · ∂node/∂parent
        node.parents[p].grad += node.grad * node.localDerivatives[p];
        applied++;
      }
    }
    return applied;
  }

  /** Gives the label, so a graph node can be named in a chain: `a.mul(b).named("c")`. */
  named(label: string): Value {
    this.label = label;
    return this;
  }

  toString(): string {
    return `Value(${this.label ? this.label + "=" : ""}${this.data}, grad=${this.grad})`;
  }
}

/** Wraps a plain number as a constant `Value`; returns a `Value` unchanged. */
export function toValue(operand: Operand): Value {
  if (operand instanceof Value) return operand;
  if (typeof operand !== "number") throw new TypeError(`expected a Value or a number, got ${typeof operand}`);
  return new Value(operand, String(operand));
}

/**
 * Every node that `output` depends on, each after all of its parents (inputs first, output last).
 * Iterative depth-first search, so a chain of 100,000 nodes cannot overflow the call stack.
 */
export function sortTopologically(output: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>([output]);
  const stack: Value[] = [output];
  const nextParent: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top];
    const p = nextParent[top];
    if (p < node.parents.length) {
      nextParent[top] = p + 1;
      const parent = node.parents[p];
      if (!visited.has(parent)) {
        visited.add(parent);
        stack.push(parent);
        nextParent.push(0);
      }
    } else {
      // All parents are placed, so the node can follow them.
      order.push(node);
      stack.pop();
      nextParent.pop();
    }
  }
  return order;
}
