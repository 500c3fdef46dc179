/**
 * Checks step 1 of the "your own autograd" chapter: the reader's `class Scalar` with add, mul, pow,
 * exp, tanh and relu, each computing its value and storing its local derivatives in `localGrads`.
 * Each operation is tried on numbers that keep the usual mistakes apart, then random expressions
 * built with the reader's class and the engine's `Value` must agree in every value to 1e-12.
 */
import type { Checker, CheckResult } from "./types";
import { buildExpression, buildReference, close, describeExpression, describeThrow, findScalarProblem, format, isScalarNode, makeRandomExpression, type ScalarClass, type ScalarNode } from "./scalarCommon";
import { en } from "../../i18n/en";
import type { Strings } from "../../i18n/types";

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
export function makeOperationCases(s: Strings = en): OperationCase[] {
  const t = Math.tanh(X);
  const cases: OperationCase[] = [
    { call: `Scalar(${X}).add(Scalar(${Y}))`, run: binary("add", X, "scalar"), data: X + Y, localGrads: [1, 1], mistakes: [[[0, 0], s.opsAddNone]] },
    { call: `Scalar(${X}).add(3)`, run: binary("add", X, 3), data: X + 3, localGrads: [1, 1], mistakes: [] },
    {
      call: `Scalar(${X}).mul(Scalar(${Y}))`, run: binary("mul", X, "scalar"), data: X * Y, localGrads: [Y, X],
      mistakes: [
        [[X, Y], s.opsMulSwapped({ x: X, y: Y })],
        [[1, 1], s.opsMulAsAdd],
        [[X * Y, X * Y], s.opsMulProduct],
        [[0, 0], s.opsMulNone],
      ],
    },
    { call: `Scalar(${X}).mul(3)`, run: binary("mul", X, 3), data: X * 3, localGrads: [3, X], mistakes: [[[X, 3], s.opsMulConstantSwapped]] },
    ...[3, -1, 0.5].map((p): OperationCase => ({
      call: `Scalar(${X}).pow(${p})`, run: unary("pow", X, p), data: X ** p, localGrads: [p * X ** (p - 1)],
      mistakes: [
        [[X ** (p - 1)], s.opsPowNoP({ p, x: X, pMinusOne: p - 1 })],
        [[1], s.opsPowOne],
        [[p * X ** p], s.opsPowOffByOne],
        [[X ** p], s.opsPowValue],
        [[p], s.opsPowPAlone],
        [[p * X], s.opsPowPX],
        [[0], s.opsPowNone],
      ],
    })),
    {
      call: `Scalar(${X}).exp()`, run: unary("exp", X), data: Math.exp(X), localGrads: [Math.exp(X)],
      mistakes: [
        [[X], s.opsExpX],
        [[1], s.opsExpOne],
        [[0], s.opsExpNone],
      ],
    },
    {
      call: `Scalar(${X}).tanh()`, run: unary("tanh", X), data: t, localGrads: [1 - t * t],
      mistakes: [
        [[1 - X * X], s.opsTanhInput],
        [[1 - t], s.opsTanhNoSquare],
        [[t], s.opsTanhValue],
        [[1 + t * t], s.opsTanhPlus],
        [[t * t - 1], s.opsTanhSign],
        [[1], s.opsTanhOne],
        [[0], s.opsTanhNone],
      ],
    },
    {
      call: `Scalar(${X}).relu()`, run: unary("relu", X), data: X, localGrads: [1],
      mistakes: [[[X], s.opsReluX], [[0], s.opsReluPositive]],
    },
    {
      call: `Scalar(${Y}).relu()`, run: unary("relu", Y), data: 0, localGrads: [0],
      mistakes: [[[1], s.opsReluNegative], [[Y], s.opsReluXNegative]],
    },
  ];
  return cases;
}

/** Passes when every operation gives the right value and local derivatives and random expressions agree with the engine's Value. */
export const checkScalarOps: Checker = (scope, s = en) => {
  const problem = findScalarProblem(scope, s);
  if (problem) return { passed: false, message: problem };
  const Scalar = scope.Scalar as ScalarClass;
  const make = (x: number) => new Scalar(x);
  for (const operation of makeOperationCases(s)) {
    const verdict = checkOperation(operation, make, s);
    if (!verdict.passed) return verdict;
  }
  return compareExpressions(make, s);
};

/** Tries one operation and names what is wrong with its value, operands or local derivatives. */
export function checkOperation(operation: OperationCase, make: (x: number) => ScalarNode, s: Strings = en): CheckResult {
  const { call } = operation;
  const method = call.slice(call.lastIndexOf(".") + 1, call.lastIndexOf("("));
  let result: ReturnType<OperationCase["run"]>;
  try {
    result = operation.run(make);
  } catch (error) {
    return { passed: false, message: s.opsThrew({ call, error: describeThrow(error, s), method }) };
  }
  const { out, operands } = result;
  if (!isScalarNode(out)) return { passed: false, message: s.opsNotNode({ call, got: format(out), method }) };
  if (operands.some((operand) => out === operand)) return { passed: false, message: s.opsInPlace({ call }) };
  const original = Number(call.slice("Scalar(".length, call.indexOf(")")));
  if (operands[0].data !== original || operands[0].grad !== 0) return { passed: false, message: s.opsChangedOperand({ call }) };
  if (!close(out.data, operation.data)) return { passed: false, message: s.opsWrongData({ call, got: format(out.data), expected: format(operation.data) }) };
  const expectedCount = operation.localGrads.length;
  if (out.operands.length !== expectedCount) {
    return { passed: false, message: s.opsOperandCount({ call, got: out.operands.length, expected: expectedCount, which: expectedCount === 2 ? s.opsThisAndOther : s.opsThis }) };
  }
  if (operands.some((operand, i) => out.operands[i] !== operand)) return { passed: false, message: s.opsWrongOperands({ call }) };
  if (expectedCount === 2 && operands.length === 1) {
    const constant = out.operands[1];
    if (!isScalarNode(constant) || constant.data !== 3) return { passed: false, message: s.opsConstantLeaf({ call }) };
  }
  if (out.localGrads.length !== expectedCount) return { passed: false, message: s.opsGradCount({ call, got: format(out.localGrads), expected: `[${operation.localGrads.map(format).join(", ")}]` }) };
  if (operation.localGrads.every((g, i) => close(out.localGrads[i], g))) return { passed: true, message: s.opsRight({ call }) };
  const mistake = operation.mistakes.find(([wrong]) => wrong.every((g, i) => close(out.localGrads[i], g)));
  const wrong = s.opsWrongGrads({ call, got: format(out.localGrads), expected: format(operation.localGrads) });
  return { passed: false, message: mistake ? s.chkWrongColon({ wrong, why: mistake[1] }) : s.chkSentence({ text: wrong }) };
}

// Random expressions catch what single operations cannot, such as a method that reads a stale field.
function compareExpressions(make: (x: number) => ScalarNode, s: Strings): CheckResult {
  for (let seed = 1; seed <= EXPRESSION_COUNT; seed++) {
    const expression = makeRandomExpression(seed);
    let nodes: ScalarNode[];
    try {
      nodes = buildExpression(expression, make);
    } catch (error) {
      return { passed: false, message: s.opsBuildThrew({ expression: describeExpression(expression), error: describeThrow(error, s) }) };
    }
    const reference = buildReference(expression);
    const wrong = nodes.findIndex((node, i) => !isScalarNode(node) || !close(node.data, reference[i].data));
    if (wrong >= 0) {
      return { passed: false, message: s.opsExpressionValue({ expression: describeExpression(expression), node: `x${wrong}`, got: format(nodes[wrong]?.data), expected: format(reference[wrong].data) }) };
    }
  }
  return { passed: true, message: s.opsPassed({ count: EXPRESSION_COUNT }) };
}
