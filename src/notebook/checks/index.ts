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
import { checkSoftmaxCrossEntropy } from "./softmaxCrossEntropy";
import { checkBatchedDense } from "./batchedDense";
import { checkDigitProgram } from "./digitProgram";
import { checkPlantedBugs } from "./plantedBugs";
import { inSentenceCase } from "./wording";

export type { Checker, CheckResult } from "./types";

/** The registry the kernel consults after running an exercise cell. */
export const checks: Readonly<Record<string, Checker>> = {
  gradientDescentMomentum: inSentenceCase(checkGradientDescentMomentum),
  denseBackward: inSentenceCase(checkDenseBackward),
  perceptronRule: inSentenceCase(checkPerceptronRule),
  localBackward: inSentenceCase(checkLocalBackward),
  errorSurfaceSquaredError: inSentenceCase(checkErrorSurfaceSquaredError),
  scalarOps: inSentenceCase(checkScalarOps),
  scalarBackward: inSentenceCase(checkScalarBackward),
  scalarMlp: inSentenceCase(checkScalarMlp),
  scalarTraining: inSentenceCase(checkScalarTraining),
  softmaxCrossEntropy: inSentenceCase(checkSoftmaxCrossEntropy),
  batchedDense: inSentenceCase(checkBatchedDense),
  digitProgram: inSentenceCase(checkDigitProgram),
  plantedBugs: inSentenceCase(checkPlantedBugs),
};
