/**
 * Where everything goes on the worked example's network diagram: units, connections, and the
 * lines of numbers beside them. Plain data, so the build and the browser draw the same picture.
 */
import type { ExampleSetup } from "./workedExampleSetup";
import type { LineSource } from "./diagramLineText";

/** The diagram's coordinate system (SVG viewBox). */
export const DIAGRAM_WIDTH = 760;
export const DIAGRAM_HEIGHT = 540;
/** The radius of a unit's circle. */
export const UNIT_RADIUS = 28;

/** A unit: its name inside the circle and its centre. */
export interface UnitPlace {
  name: string;
  x: number;
  y: number;
}

/** One line of text: a label and either a worked-example record or a param the reader set. */
export interface DiagramLine extends LineSource {
  label: string;
  x: number;
  y: number;
}

/** A connection from one unit to another, carrying weight `weight` (w1…w8). */
export interface ConnectionPlace {
  weight: keyof ExampleSetup;
  from: UnitPlace;
  to: UnitPlace;
}

const COLUMNS = { input: 60, hidden: 370, output: 680 };
const ROWS = [130, 450];
const LINE = 19;

/** The six units, inputs first. */
export const UNITS: Record<string, UnitPlace> = {
  x1: { name: "x1", x: COLUMNS.input, y: ROWS[0] },
  x2: { name: "x2", x: COLUMNS.input, y: ROWS[1] },
  h1: { name: "h1", x: COLUMNS.hidden, y: ROWS[0] },
  h2: { name: "h2", x: COLUMNS.hidden, y: ROWS[1] },
  o1: { name: "o1", x: COLUMNS.output, y: ROWS[0] },
  o2: { name: "o2", x: COLUMNS.output, y: ROWS[1] },
};

/** The eight weighted connections, w1…w8 as the chapter numbers them. */
export const CONNECTIONS: ConnectionPlace[] = [
  { weight: "w1", from: UNITS.x1, to: UNITS.h1 },
  { weight: "w2", from: UNITS.x2, to: UNITS.h1 },
  { weight: "w3", from: UNITS.x1, to: UNITS.h2 },
  { weight: "w4", from: UNITS.x2, to: UNITS.h2 },
  { weight: "w5", from: UNITS.h1, to: UNITS.o1 },
  { weight: "w6", from: UNITS.h2, to: UNITS.o1 },
  { weight: "w7", from: UNITS.h1, to: UNITS.o2 },
  { weight: "w8", from: UNITS.h2, to: UNITS.o2 },
];

// A block of lines below a unit on the top row, above it on the bottom row.
function block(unit: UnitPlace, entries: Omit<DiagramLine, "x" | "y">[]): DiagramLine[] {
  const top = unit.y === ROWS[0];
  const first = top ? unit.y + UNIT_RADIUS + 24 : unit.y - UNIT_RADIUS - 14 - (entries.length - 1) * LINE;
  return entries.map((entry, i) => ({ ...entry, x: unit.x, y: first + i * LINE }));
}

// Straight connections get their lines beside the midpoint, crossing ones part-way along.
function connectionLines(connection: ConnectionPlace): DiagramLine[] {
  const { from, to, weight } = connection;
  const straight = from.y === to.y;
  const along = straight ? 0.5 : from.x === COLUMNS.input ? 0.3 : 0.4;
  const x = from.x + (to.x - from.x) * along;
  const y = from.y + (to.y - from.y) * along;
  const top = straight ? (from.y === ROWS[0] ? y - 14 - 2 * LINE : y + 26) : y - LINE;
  return [
    { label: `${weight} = `, param: weight, x, y: top },
    { label: `∂E/∂${weight} = `, record: `grad_${weight}`, x, y: top + LINE },
    { label: `${weight}⁺ = `, record: `new_${weight}`, x, y: top + 2 * LINE },
  ];
}

// A hidden unit's lines: its weighted input, activation and delta.
function hiddenLines(unit: UnitPlace): DiagramLine[] {
  return block(unit, [
    { label: "z = ", record: `z_${unit.name}` },
    { label: "a = ", record: `a_${unit.name}` },
    { label: "δ = ", record: `delta_${unit.name}` },
  ]);
}

// An output unit's lines: the same, with its target and its share of the error between.
function outputLines(unit: UnitPlace, target: "t1" | "t2"): DiagramLine[] {
  return block(unit, [
    { label: "z = ", record: `z_${unit.name}` },
    { label: "y = ", record: `a_${unit.name}` },
    { label: "t = ", param: target },
    { label: `E_${unit.name} = `, record: `E_${unit.name}` },
    { label: "δ = ", record: `delta_${unit.name}` },
  ]);
}

/** Every line of numbers on the diagram. */
export const DIAGRAM_LINES: DiagramLine[] = [
  { label: "E = ", record: "E", x: DIAGRAM_WIDTH / 2 - 170, y: 26 },
  { label: "after one step E⁺ = ", record: "E_after", x: DIAGRAM_WIDTH / 2 + 120, y: 26 },
  { label: "b1 = ", param: "b1", x: COLUMNS.hidden, y: ROWS[0] - UNIT_RADIUS - 14 },
  { label: "b2 = ", param: "b2", x: COLUMNS.output, y: ROWS[0] - UNIT_RADIUS - 14 },
  ...block(UNITS.x1, [{ label: "x1 = ", param: "x1" }]),
  ...block(UNITS.x2, [{ label: "x2 = ", param: "x2" }]),
  ...hiddenLines(UNITS.h1),
  ...hiddenLines(UNITS.h2),
  ...outputLines(UNITS.o1, "t1"),
  ...outputLines(UNITS.o2, "t2"),
  ...CONNECTIONS.flatMap(connectionLines),
];

/** The key a line is known by in the page, e.g. "grad_w5" or "param-x1". */
export function lineKey(line: DiagramLine): string {
  return line.record ?? `param-${line.param}`;
}
