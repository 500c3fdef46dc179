/**
 * The backward pass of a traced graph as a list of single-arrow steps, the state of every node's
 * gradient after any number of them, and each step's chain-rule formula in TeX with its numbers.
 */
import type { GraphNode, TracedGraph } from "../../src/engine/index.ts";
import { en } from "../../src/i18n/en";
import type { Strings } from "../../src/i18n/types";
import { formatNumber } from "../kit/formatNumber.ts";

/** One arrow of the backward pass: ∂out/∂from += ∂out/∂to · ∂to/∂from, with the numbers the engine used. */
export interface ArrowStep {
  from: number;
  to: number;
  /** Which operand of `to` the arrow comes from (0 = first). */
  operand: number;
  /** ∂out/∂to, final by the time the arrow is used. */
  toGrad: number;
  /** ∂to/∂from, the local derivative. */
  localDerivative: number;
  /** toGrad · localDerivative, what the arrow adds to the gradient of `from`. */
  contribution: number;
  /** The gradient of `from` before and after the addition. */
  gradBefore: number;
  gradAfter: number;
  /** How many arrows leave `from`, and which of them this is (1-based), in backward order. */
  fanOut: number;
  arrival: number;
}

/** Every arrow of the backward pass in the order the engine applied them (output end first). */
export function listArrowSteps(graph: TracedGraph): ArrowStep[] {
  const fanOut = new Array<number>(graph.nodes.length).fill(0);
  for (const edge of graph.edges) fanOut[edge.from]++;
  const arrived = new Array<number>(graph.nodes.length).fill(0);
  const arrows: ArrowStep[] = [];
  for (const step of graph.steps) {
    step.edges.forEach((edge, operand) => {
      arrived[edge.from]++;
      arrows.push({
        from: edge.from,
        to: edge.to,
        operand,
        toGrad: step.grad,
        localDerivative: edge.localDerivative,
        contribution: edge.contribution,
        gradBefore: edge.gradAfter - edge.contribution,
        gradAfter: edge.gradAfter,
        fanOut: fanOut[edge.from],
        arrival: arrived[edge.from],
      });
    });
  }
  return arrows;
}

/** Every node's gradient after `applied` arrows: null where nothing has arrived yet; `final` once all its arrows have. */
export interface BackwardState {
  applied: number;
  grads: (number | null)[];
  final: boolean[];
  /** The arrow applied last (highlighted), if any. */
  current: ArrowStep | undefined;
}

/** The state after the first `applied` arrows (0 = only the seed ∂out/∂out = 1); `applied` is clamped to the range. */
export function findBackwardState(graph: TracedGraph, arrows: readonly ArrowStep[], applied: number): BackwardState {
  const count = Math.max(0, Math.min(arrows.length, Math.floor(applied)));
  const output = graph.nodes.length - 1;
  const grads: (number | null)[] = graph.nodes.map((node) => (node.id === output ? 1 : null));
  const final = graph.nodes.map((node) => node.id === output);
  for (const arrow of arrows.slice(0, count)) {
    grads[arrow.from] = arrow.gradAfter;
    if (arrow.arrival === arrow.fanOut) final[arrow.from] = true;
  }
  return { applied: count, grads, final, current: count > 0 ? arrows[count - 1] : undefined };
}

/** A node's name for text: its label, or its operation and id when unnamed (e.g. "* #4"). */
export function nameNode(node: GraphNode): string {
  return node.label !== "" ? node.label : `${node.op} #${node.id}`;
}

/** A node's name in TeX: w1 → w_{1}, r² → r^2, a constant 0.5 → (0.5), an unnamed node → n_{4}. */
export function nameNodeTeX(node: GraphNode): string {
  if (node.label === "") return `n_{${node.id}}`;
  if (node.op === "" && node.label === String(node.data)) return `(${node.label})`;
  const match = /^([A-Za-z]+)(\d+)$/.exec(node.label);
  if (match) return `${match[1]}_{${match[2]}}`;
  return node.label.replace("²", "^2");
}

/** The stepper's precision: integers as they are, others to four significant digits, −0 as 0. */
const STEP_FORMAT = { digits: 4, wholeIntegers: true, exponents: false } as const;

/** A number in the stepper's TeX, with an ASCII minus (KaTeX sets it as a binary minus). */
export function formatNumberTeX(x: number): string {
  return formatNumber(x, { ...STEP_FORMAT, minus: "ascii" });
}

/** A number in the stepper's sentences, with the reader's minus sign (U+2212). */
export function formatStepNumber(x: number): string {
  return formatNumber(x, STEP_FORMAT);
}

// A factor inside a product: negative numbers in parentheses, so "2 · (−0.5)" reads right.
function factor(x: number): string {
  const text = formatNumberTeX(x);
  return x < 0 ? `(${text})` : text;
}

/** The local derivative ∂to/∂from in symbols, from the operation's rule (the engine's doc comments in TeX). */
export function describeLocalDerivativeTeX(graph: TracedGraph, arrow: ArrowStep): string {
  const node = graph.nodes[arrow.to];
  const operands = graph.edges.filter((edge) => edge.to === arrow.to).map((edge) => nameNodeTeX(graph.nodes[edge.from]));
  const self = nameNodeTeX(node);
  const x = operands[arrow.operand];
  const other = operands[1 - arrow.operand];
  if (node.op === "+") return "1";
  if (node.op === "-") return arrow.operand === 0 ? "1" : "-1";
  if (node.op === "*") return other;
  if (node.op === "/") return arrow.operand === 0 ? `1/${operands[1]}` : `-${operands[0]}/${operands[1]}^2`;
  if (node.op === "neg") return "-1";
  if (node.op === "sigmoid") return `${self}\\,(1 - ${self})`;
  if (node.op === "tanh") return `1 - ${self}^2`;
  if (node.op === "exp") return self;
  if (node.op === "log") return `1/${x}`;
  if (node.op === "relu") return `[\\,${x} > 0\\,]`;
  const power = /^\^(-?[\d.]+)$/.exec(node.op);
  if (power) {
    const n = Number(power[1]);
    return n - 1 === 1 ? `${n}\\,${x}` : `${n}\\,${x}^{${n - 1}}`;
  }
  return `\\partial ${self}/\\partial ${x}`;
}

/** The TeX of one state: the seed ∂out/∂out = 1 before any arrow, else the current arrow's chain-rule product with its numbers substituted. */
export function describeStateTeX(graph: TracedGraph, state: BackwardState, s: Strings = en): string {
  const output = nameNodeTeX(graph.nodes[graph.nodes.length - 1]);
  const d = (node: string) => `\\frac{\\partial ${output}}{\\partial ${node}}`;
  const arrow = state.current;
  if (!arrow) return `${d(output)} = 1 \\quad \\text{${s.csSeedTeX}}`;
  const from = nameNodeTeX(graph.nodes[arrow.from]);
  const to = nameNodeTeX(graph.nodes[arrow.to]);
  const local = `\\frac{\\partial ${to}}{\\partial ${from}}`;
  const sum = arrow.arrival === 1
    ? `${d(from)} &= ${formatNumberTeX(arrow.gradAfter)}`
    : `${d(from)} &= ${formatNumberTeX(arrow.gradBefore)} + ${factor(arrow.contribution)} = ${formatNumberTeX(arrow.gradAfter)}`;
  const status = `\\text{${arrow.arrival === arrow.fanOut ? s.csFinal : s.csSoFarTeX({ arrived: arrow.arrival, total: arrow.fanOut })}}`;
  const symbolic = describeLocalDerivativeTeX(graph, arrow);
  const number = formatNumberTeX(arrow.localDerivative);
  return [
    "\\begin{aligned}",
    `${local} &= ${symbolic === number ? number : `${symbolic} = ${number}`} \\\\`,
    `${d(from)} &\\mathrel{+}= ${d(to)}\\,${local} \\\\`,
    `&\\mathrel{+}= ${factor(arrow.toGrad)} \\cdot ${factor(arrow.localDerivative)} = ${formatNumberTeX(arrow.contribution)} \\\\`,
    `${sum} \\quad ${status}`,
    "\\end{aligned}",
  ].join("\n");
}

/** The sentence for the aria-live status: which arrow, its local derivative and the gradient so far. */
export function describeStateText(graph: TracedGraph, state: BackwardState, total: number, s: Strings = en): string {
  const output = nameNode(graph.nodes[graph.nodes.length - 1]);
  const arrow = state.current;
  if (!arrow) return s.csStart({ output, total });
  const from = nameNode(graph.nodes[arrow.from]);
  const to = nameNode(graph.nodes[arrow.to]);
  const sofar = arrow.arrival === arrow.fanOut ? s.csFinal : s.csSoFar({ arrived: arrow.arrival, total: arrow.fanOut });
  return s.csStepText({
    step: state.applied, total, from, to, local: formatStepNumber(arrow.localDerivative), toGrad: formatStepNumber(arrow.toGrad),
    contribution: formatStepNumber(arrow.contribution), grad: formatStepNumber(arrow.gradAfter), sofar,
  });
}
