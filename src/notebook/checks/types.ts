/** The contract between an exercise cell and the checker named in its `check=` attribute. */
import type { Strings } from "../../i18n/types";

/** What a checker says about the reader's code. */
export interface CheckResult {
  passed: boolean;
  /** What is right, or specifically what is wrong, e.g. "momentumStep(1, 0.2, 2, 0.1, 0.9) gave step = -0.2, the engine gives Δw = -0.02". */
  message: string;
}

/** Looks at the names the reader's cells defined (the kernel's shared scope) and judges them, speaking the page's language `s`. */
export type Checker = (scope: Readonly<Record<string, unknown>>, s?: Strings) => CheckResult;
