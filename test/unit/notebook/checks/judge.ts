import { expect } from "vitest";
import type { Kernel } from "../../../../src/notebook/kernel";
import type { Checker, CheckResult } from "../../../../src/notebook/checks/types";

/** Runs each source in `kernel`, failing on any error output, then judges the kernel's scope with `checker`. */
export async function judgeAfter(kernel: Kernel, checker: Checker, sources: readonly string[]): Promise<CheckResult> {
  for (const source of sources) {
    const result = await kernel.run({ source, params: {} });
    expect(result.outputs.filter((output) => output.type === "error")).toEqual([]);
  }
  return checker(kernel.scope);
}

/** A chapter's solution with one text replaced, failing loudly if the text is not there. */
export function withMistake(solution: string, from: string, to: string): string {
  expect(solution).toContain(from);
  return solution.replace(from, to);
}
