/** Every exercise checker by the name authors write in `check=NAME`; add new checkers here. */
import type { Checker } from "./types";
import { checkGradientDescentMomentum } from "./gradientDescentMomentum";
import { checkDenseBackward } from "./denseBackward";
import { checkPerceptronRule } from "./perceptronRule";
import { checkLocalBackward } from "./localBackward";
import { checkErrorSurfaceSquaredError } from "./errorSurfaceSquaredError";
import { checkScalarOps } from "./scalarOps";
import { checkScalarBackward } from "./scalarBackward";
import { checkScalarMlp } from "./scalarMlp";
import { checkScalarTraining } from "./scalarTraining";

export type { Checker, CheckResult } from "./types";

/** The registry the kernel consults after running an exercise cell. */
export const checks: Readonly<Record<string, Checker>> = {
  gradientDescentMomentum: checkGradientDescentMomentum,
  denseBackward: checkDenseBackward,
  perceptronRule: checkPerceptronRule,
  localBackward: checkLocalBackward,
  errorSurfaceSquaredError: checkErrorSurfaceSquaredError,
  scalarOps: checkScalarOps,
  scalarBackward: checkScalarBackward,
  scalarMlp: checkScalarMlp,
  scalarTraining: checkScalarTraining,
};
