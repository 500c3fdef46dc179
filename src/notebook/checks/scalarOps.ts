/**
 * Checks step 1 of the "your own autograd" chapter: the reader's `class Scalar` with add, mul, pow,
 * exp, tanh and relu, each computing its value and storing its local derivatives in `localGrads`.
 * Each operation is tried on numbers that keep the usual mistakes apart, then random expressions
 * built with the reader's class and the engine's `Value` must agree in every value to 1e-12.
 */
import type { Checker, CheckResult } from "./types";
import { buildExpression, buildReference, close, describeExpression, describeThrow, findScalarProblem, format, isScalarNode, makeRandomExpression, type ScalarClass, type ScalarNode } from "./scalarCommon";

/** How many random expressions the value comparison builds. */
export const EXPRESSION_COUNT = 20;

/** One operation to try: how to call it, the value and local derivatives it must give, and the wrong local derivatives readers tend to store. */
interface OperationCase {
  call: string;
  run: (make: (x: number) => ScalarNode) => { out: unknown; operands: ScalarNode[] };
  data: number;
  localGrads: number[];
  mistakes: [number[], string][];
}

// x = 0.7 and y = −1.9: |x| ≠ |y|, x² ≠ tanh x, and the mistakes below all give different numbers.
const X = 0.7;
const Y = -1.9;

function binary(op: "add" | "mul", x: number, other: number | "scalar"): OperationCase["run"] {
  return (make) => {
    const a = make(x);
    if (other === "scalar") {
      const b = make(Y);
      return { out: a[op](b), operands: [a, b] };
    }
    return { out: a[op](other), operands: [a] };
  };
}

function unary(op: "exp" | "tanh" | "relu" | "pow", x: number, p?: number): OperationCase["run"] {
  return (make) => {
    const a = make(x);
    return { out: op === "pow" ? a.pow(p!) : a[op](), operands: [a] };
  };
}

/** The cases, in the order the chapter introduces the operations. */
export function makeOperationCases(): OperationCase[] {
  const t = Math.tanh(X);
  const cases: OperationCase[] = [
    { call: `Scalar(${X}).add(Scalar(${Y}))`, run: binary("add", X, "scalar"), data: X + Y, localGrads: [1, 1], mistakes: [[[0, 0], "add stored no local derivatives: ∂(a + b)/∂a = 1 and ∂(a + b)/∂b = 1."]] },
    { call: `Scalar(${X}).add(3)`, run: binary("add", X, 3), data: X + 3, localGrads: [1, 1], mistakes: [] },
    {
      call: `Scalar(${X}).mul(Scalar(${Y}))`, run: binary("mul", X, "scalar"), data: X * Y, localGrads: [Y, X],
      mistakes: [
        [[X, Y], `mul's local derivatives are swapped: ∂(a·b)/∂a = b, so localGrads should be [b.data, a.data] = [${Y}, ${X}], you stored [a.data, b.data].`],
        [[1, 1], "mul stored add's local derivatives [1, 1]: ∂(a·b)/∂a = b and ∂(a·b)/∂b = a."],
        [[X * Y, X * Y], "mul stored the product itself; ∂(a·b)/∂a = b and ∂(a·b)/∂b = a."],
        [[0, 0], "mul stored no local derivatives: ∂(a·b)/∂a = b and ∂(a·b)/∂b = a, so localGrads = [b.data, a.data]."],
      ],
    },
    { call: `Scalar(${X}).mul(3)`, run: binary("mul", X, 3), data: X * 3, localGrads: [3, X], mistakes: [[[X, 3], "mul's local derivatives are swapped: ∂(a·b)/∂a = b."]] },
    ...[3, -1, 0.5].map((p): OperationCase => ({
      call: `Scalar(${X}).pow(${p})`, run: unary("pow", X, p), data: X ** p, localGrads: [p * X ** (p - 1)],
      mistakes: [
        [[X ** (p - 1)], `pow forgot the factor p: ∂(x^p)/∂x = p·x^(p−1) = ${p}·${X}^${p - 1}, you stored x^(p−1).`],
        [[1], "pow forgot the p·x^(p−1) factor: you stored 1, as if pow were the identity; ∂(x^p)/∂x = p·x^(p−1)."],
        [[p * X ** p], "pow's exponent is off by one: ∂(x^p)/∂x = p·x^(p−1), you used p·x^p."],
        [[X ** p], "pow stored its own value x^p; the local derivative is p·x^(p−1)."],
        [[p], "pow forgot the x^(p−1) factor: ∂(x^p)/∂x = p·x^(p−1), you stored p alone."],
        [[p * X], "pow used p·x; the local derivative is p·x^(p−1), which is p·x only when p = 2."],
        [[0], "pow stored no local derivative: ∂(x^p)/∂x = p·x^(p−1)."],
      ],
    })),
    {
      call: `Scalar(${X}).exp()`, run: unary("exp", X), data: Math.exp(X), localGrads: [Math.exp(X)],
      mistakes: [
        [[X], "exp stored x; the derivative of e^x is e^x itself, the value exp just computed."],
        [[1], "exp stored 1; the derivative of e^x is e^x."],
        [[0], "exp stored no local derivative: ∂e^x/∂x = e^x."],
      ],
    },
    {
      call: `Scalar(${X}).tanh()`, run: unary("tanh", X), data: t, localGrads: [1 - t * t],
      mistakes: [
        [[1 - X * X], "tanh′ should be 1 − tanh²(x), you used 1 − x²: square the output t = tanh(x), not the input."],
        [[1 - t], "tanh′ is 1 − tanh²(x): you forgot to square."],
        [[t], "tanh stored its own value; its local derivative is 1 − tanh²(x)."],
        [[1 + t * t], "tanh′ is 1 − tanh²(x), with a minus sign."],
        [[t * t - 1], "tanh′ is 1 − tanh²(x), which is positive; the sign is flipped."],
        [[1], "tanh stored 1, as if it were the identity; tanh′ = 1 − tanh²(x)."],
        [[0], "tanh stored no local derivative: tanh′ = 1 − tanh²(x)."],
      ],
    },
    {
      call: `Scalar(${X}).relu()`, run: unary("relu", X), data: X, localGrads: [1],
      mistakes: [[[X], "relu stored x; for x > 0 its local derivative is 1."], [[0], "relu passes gradient through where x > 0: its local derivative there is 1."]],
    },
    {
      call: `Scalar(${Y}).relu()`, run: unary("relu", Y), data: 0, localGrads: [0],
      mistakes: [[[1], "relu routes: where x ≤ 0 its output is the constant 0, so its local derivative there is 0, not 1."], [[Y], "relu stored x; its local derivative is 1 where x > 0 and 0 elsewhere."]],
    },
  ];
  return cases;
}

/** Passes when every operation gives the right value and local derivatives and random expressions agree with the engine's Value. */
export const checkScalarOps: Checker = (scope) => {
  const problem = findScalarProblem(scope);
  if (problem) return { passed: false, message: problem };
  const Scalar = scope.Scalar as ScalarClass;
  const make = (x: number) => new Scalar(x);
  for (const operation of makeOperationCases()) {
    const verdict = checkOperation(operation, make);
    if (!verdict.passed) return verdict;
  }
  return compareExpressions(make);
};

/** Tries one operation and names what is wrong with its value, operands or local derivatives. */
export function checkOperation(operation: OperationCase, make: (x: number) => ScalarNode): CheckResult {
  const { call } = operation;
  const method = call.slice(call.lastIndexOf(".") + 1, call.lastIndexOf("("));
  let result: ReturnType<OperationCase["run"]>;
  try {
    result = operation.run(make);
  } catch (error) {
    return { passed: false, message: `${call} threw ${describeThrow(error)}. Write the ${method} method: it returns a new Scalar.` };
  }
  const { out, operands } = result;
  if (!isScalarNode(out)) return { passed: false, message: `${call} returned ${format(out)}; ${method} should return a new Scalar (with data, grad, operands and localGrads).` };
  if (operands.some((operand) => out === operand)) return { passed: false, message: `${call} returned its operand changed in place; return a new Scalar so the graph keeps both nodes.` };
  const original = Number(call.slice("Scalar(".length, call.indexOf(")")));
  if (operands[0].data !== original || operands[0].grad !== 0) return { passed: false, message: `${call} changed its operand; an operation only reads its operands.` };
  if (!close(out.data, operation.data)) return { passed: false, message: `${call} gave data = ${format(out.data)}, it should be ${format(operation.data)}.` };
  const expectedCount = operation.localGrads.length;
  if (out.operands.length !== expectedCount) {
    return { passed: false, message: `${call} recorded ${out.operands.length} operands, it should record ${expectedCount} (${expectedCount === 2 ? "this and the other one; a plain number becomes a new Scalar" : "this"}), or backward cannot reach them.` };
  }
  if (operands.some((operand, i) => out.operands[i] !== operand)) return { passed: false, message: `${call} recorded operands that are not the Scalars it was called on; put this (and the other Scalar) in operands, in that order, so backward reaches them.` };
  if (expectedCount === 2 && operands.length === 1) {
    const constant = out.operands[1];
    if (!isScalarNode(constant) || constant.data !== 3) return { passed: false, message: `${call}: the number 3 should become a Scalar leaf, new Scalar(3), and be the second operand.` };
  }
  if (out.localGrads.length !== expectedCount) return { passed: false, message: `${call} stored localGrads = ${format(out.localGrads)}; it needs one local derivative per operand, [${operation.localGrads.map(format).join(", ")}].` };
  if (operation.localGrads.every((g, i) => close(out.localGrads[i], g))) return { passed: true, message: `${call} is right.` };
  const mistake = operation.mistakes.find(([wrong]) => wrong.every((g, i) => close(out.localGrads[i], g)));
  const wrong = `${call} stored localGrads = ${format(out.localGrads)}, it should be ${format(operation.localGrads)}`;
  return { passed: false, message: mistake ? `${wrong}: ${mistake[1]}` : `${wrong}.` };
}

// Random expressions catch what single operations cannot, such as a method that reads a stale field.
function compareExpressions(make: (x: number) => ScalarNode): CheckResult {
  for (let seed = 1; seed <= EXPRESSION_COUNT; seed++) {
    const expression = makeRandomExpression(seed);
    let nodes: ScalarNode[];
    try {
      nodes = buildExpression(expression, make);
    } catch (error) {
      return { passed: false, message: `building ${describeExpression(expression)} threw ${describeThrow(error)}` };
    }
    const reference = buildReference(expression);
    const wrong = nodes.findIndex((node, i) => !isScalarNode(node) || !close(node.data, reference[i].data));
    if (wrong >= 0) {
      return { passed: false, message: `in ${describeExpression(expression)}, x${wrong} = ${format(nodes[wrong]?.data)} but the engine's Value gives ${format(reference[wrong].data)}.` };
    }
  }
  return { passed: true, message: `all six operations store the right local derivatives, and ${EXPRESSION_COUNT} random expressions built with your Scalar and with the engine's Value agree in every value to 1e-12. Next: backward().` };
}
