import { expect, it } from "vitest";
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

/** A typical mistake: its name, the text of the solution it replaces, what it writes instead, and the words the verdict must name it with. */
export type Mistake = readonly [name: string, from: string, to: string, named: string];

/** One graded exercise as its checker's tests see it. */
export interface Exercise {
  /** Judges `source` as the reader's answer, in a kernel holding whatever the exercise needs first. */
  judge: (source: string) => Promise<CheckResult>;
  /** The chapter's solution. */
  solution: string;
  /** More the solution's verdict must say, beyond passing. */
  accepted?: (verdict: CheckResult) => void;
  /** Typical mistakes, each one edit of the solution. */
  mistakes: readonly Mistake[];
  /** What the verdict asks for when the answer defines nothing at all. */
  missing?: string;
  /** Milliseconds a test may take, for an exercise that trains. */
  timeout?: number;
}

/** The tests every checker gets: the solution passes, each typical mistake fails and is named, and an empty answer is told what to define. */
export function itJudgesTheExercise(exercise: Exercise): void {
  it("accepts the chapter's solution", async () => {
    const verdict = await exercise.judge(exercise.solution);
    expect(verdict).toMatchObject({ passed: true });
    exercise.accepted?.(verdict);
  }, exercise.timeout);

  it.each(exercise.mistakes)("names the mistake: %s", async (_, from, to, named) => {
    const verdict = await exercise.judge(withMistake(exercise.solution, from, to));
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain(named);
  }, exercise.timeout);

  const missing = exercise.missing;
  if (missing !== undefined) {
    it("asks for what the exercise defines when the answer defines nothing", async () => {
      expect((await exercise.judge("const nothing = 0;")).message).toContain(missing);
    }, exercise.timeout);
  }
}
