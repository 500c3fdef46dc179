/**
 * Chapter 6's gate-pattern graph f = relu(x·y + x)·z, built at build time with the chapter's own
 * solution Scalar (the same class the reader writes; a unit test holds it to the chapter's checkers)
 * and turned into the graph stepper's data by the notebook's traceOperandGraph, as a reader's cell does.
 */
import { traceOperandGraph } from "../../src/notebook/operandGraph.ts";
import type { TracedGraph } from "../../src/engine/index.ts";

/** The chapter's solution to step 1: a number, its gradient, its operands and ∂this/∂operand for each. */
export class Scalar {
  data: number;
  grad = 0;
  operands: Scalar[];
  localGrads: number[];

  constructor(data: number, operands: Scalar[] = [], localGrads: number[] = []) {
    this.data = data;
    this.operands = operands;
    this.localGrads = localGrads;
  }

  /** a + b: ∂/∂a = 1, ∂/∂b = 1. */
  add(other: Scalar | number): Scalar {
    const b = other instanceof Scalar ? other : new Scalar(other);
    return new Scalar(this.data + b.data, [this, b], [1, 1]);
  }

  /** a·b: ∂/∂a = b, ∂/∂b = a. */
  mul(other: Scalar | number): Scalar {
    const b = other instanceof Scalar ? other : new Scalar(other);
    return new Scalar(this.data * b.data, [this, b], [b.data, this.data]);
  }

  /** x^p: ∂/∂x = p·x^(p−1). */
  pow(p: number): Scalar {
    return new Scalar(this.data ** p, [this], [p * this.data ** (p - 1)]);
  }

  /** e^x: ∂/∂x = e^x. */
  exp(): Scalar {
    const e = Math.exp(this.data);
    return new Scalar(e, [this], [e]);
  }

  /** tanh x: ∂/∂x = 1 − tanh²x. */
  tanh(): Scalar {
    const t = Math.tanh(this.data);
    return new Scalar(t, [this], [1 - t * t]);
  }

  /** max(0, x): ∂/∂x = 1 where x > 0, else 0. */
  relu(): Scalar {
    return new Scalar(Math.max(0, this.data), [this], [this.data > 0 ? 1 : 0]);
  }
}

/** The inputs of the gate-pattern graph, as the chapter's cell uses them. */
export const GATE_INPUTS = { x: 2, y: 0.5, z: -1.5 } as const;

/** f = relu(x·y + x)·z traced for the stepper: mul swaps, add distributes, relu routes, x fans out. */
export function traceGateGraph(): TracedGraph {
  const x = new Scalar(GATE_INPUTS.x);
  const y = new Scalar(GATE_INPUTS.y);
  const z = new Scalar(GATE_INPUTS.z);
  const q = x.mul(y);
  const s = q.add(x);
  const r = s.relu();
  const f = r.mul(z);
  const names = new Map<unknown, string>([[x, "x"], [y, "y"], [z, "z"], [q, "q"], [s, "s"], [r, "r"], [f, "f"]]);
  const { nodes, edges, backwardOrder, steps } = traceOperandGraph(f, { name: (node) => names.get(node) });
  return { nodes, edges, backwardOrder, steps };
}
