/**
 * Finds the lines of the engine that implement each back-propagation equation, by searching the
 * engine's source text for the statements themselves, so the chapter quotes the code as it is today;
 * a quote whose lines are gone or appear twice fails the build (quoteOrFail).
 */

/** Which lines to quote: from the first line containing `start` to the next line containing `end` (or `start`'s line alone). */
export interface LineSpec {
  /** The file inside the repository, shown as the caption, e.g. "src/engine/network.ts". */
  file: string;
  /** Text on the first quoted line. */
  start: string;
  /** Text on the last quoted line, searched from the first. */
  end?: string;
  /** Extra lines to quote above `start`. */
  before?: number;
  /** Extra lines to quote below `end`, e.g. a closing brace. */
  after?: number;
  /** Instead of `end`: go on quoting while the next line contains this text. */
  through?: string;
}

/** The quoted lines, re-indented, with 1-based line numbers; `missing` says why nothing was quoted (not found, or found twice). */
export interface QuotedLines {
  file: string;
  firstLine: number;
  lastLine: number;
  code: string;
  missing?: string;
}

/** The quotes the chapter uses, one per equation (bp1 needs the loss and the activation); a list gives alternatives, tried in order, for code that is still being reshaped. */
export const ENGINE_QUOTES = {
  outputError: { file: "src/engine/losses.ts", start: 'case "squaredError":', end: "break;" },
  outputSlope: { file: "src/engine/losses.ts", start: "if (delta) multiplyByDerivative(activation" },
  sigmoidSlope: { file: "src/engine/activations.ts", start: 'case "sigmoid": // σ′', end: "g[i] *=" },
  hiddenDelta: { file: "src/engine/network.ts", start: "if (l === 0) break;", end: "multiplyByDerivative(below.activation" },
  biasGradient: [
    { file: "src/engine/network.ts", start: "// ∂E/∂b[l]", through: "biasGradient" },
    { file: "src/engine/network.ts", start: "∂z_j/∂b_j = 1", before: 2, end: "biasGradient[j] =", after: 1 },
  ],
  weightGradient: [
    { file: "src/engine/network.ts", start: "// ∂E/∂W[l]", through: "weightGradient" },
    { file: "src/engine/network.ts", start: "∂z_j/∂w_jk = a_k", end: "weightGradient" },
  ],
} as const satisfies Record<string, LineSpec | readonly LineSpec[]>;

/** Quotes the first of `specs` whose lines are found once in `source`; if none is, says why each failed. */
export function quoteFirst(source: string, specs: LineSpec | readonly LineSpec[]): QuotedLines {
  const list: readonly LineSpec[] = Array.isArray(specs) ? specs : [specs as LineSpec];
  const tried = list.map((spec) => quoteLines(source, spec));
  return tried.find((quoted) => !quoted.missing) ?? { ...tried[0], missing: tried.map((quoted) => quoted.missing).join("; nor: ") };
}

/** Quotes `ENGINE_QUOTES[name]` from `sources` (file → text); throws, naming the quote and the file, if its lines are missing or ambiguous. */
export function quoteOrFail(name: string, sources: Readonly<Record<string, string>>): QuotedLines {
  const specs: LineSpec | readonly LineSpec[] | undefined = (ENGINE_QUOTES as Record<string, LineSpec | readonly LineSpec[]>)[name];
  if (!specs) throw new Error(`EngineLines: unknown quote ${JSON.stringify(name)}; known: ${Object.keys(ENGINE_QUOTES).join(", ")}`);
  const file = (Array.isArray(specs) ? specs[0] : (specs as LineSpec)).file;
  const source = sources[file];
  if (source === undefined) throw new Error(`EngineLines quote "${name}": ${file} is not among the files EngineLines.astro reads`);
  const quoted = quoteFirst(source, specs);
  // A quote that no longer matches would show readers code the engine does not run: stop the build instead.
  if (quoted.missing) throw new Error(`EngineLines quote "${name}" in ${file}: ${quoted.missing}; update ENGINE_QUOTES in components/backpropagation/engineLines.ts`);
  return quoted;
}

/** Quotes the lines `spec` names from `source`, the text of `spec.file`; never throws: a moved or repeated line shows up as `missing`. */
export function quoteLines(source: string, spec: LineSpec): QuotedLines {
  const lines = source.split("\n");
  const startIndex = lines.findIndex((line) => line.includes(spec.start));
  if (startIndex < 0) return { file: spec.file, firstLine: 0, lastLine: 0, code: "", missing: `no line of ${spec.file} contains ${JSON.stringify(spec.start)}` };
  const againIndex = lines.findIndex((line, index) => index > startIndex && line.includes(spec.start));
  if (againIndex >= 0) {
    const missing = `lines ${startIndex + 1} and ${againIndex + 1} of ${spec.file} both contain ${JSON.stringify(spec.start)}, so the quote is ambiguous`;
    return { file: spec.file, firstLine: 0, lastLine: 0, code: "", missing };
  }
  let endIndex = startIndex;
  if (spec.end !== undefined) {
    endIndex = lines.findIndex((line, index) => index >= startIndex && line.includes(spec.end!));
    if (endIndex < 0) return { file: spec.file, firstLine: 0, lastLine: 0, code: "", missing: `no line of ${spec.file} after line ${startIndex + 1} contains ${JSON.stringify(spec.end)}` };
  }
  if (spec.through !== undefined) while (endIndex + 1 < lines.length && lines[endIndex + 1].includes(spec.through)) endIndex++;
  const first = Math.max(0, startIndex - (spec.before ?? 0));
  const last = Math.min(lines.length - 1, endIndex + (spec.after ?? 0));
  const quoted = lines.slice(first, last + 1);
  const indent = Math.min(...quoted.filter((line) => line.trim() !== "").map((line) => line.length - line.trimStart().length));
  return { file: spec.file, firstLine: first + 1, lastLine: last + 1, code: quoted.map((line) => line.slice(indent)).join("\n") };
}
