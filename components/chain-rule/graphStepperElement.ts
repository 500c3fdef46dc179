/** <graph-stepper> on the kit: the saved figure until the first touch, then graphStepperRuntime.ts; also loaded by a cell's graph output. */
import { defineLazyWidget } from "../kit/lazyWidget";

/** The keys the figure takes: → ↓ next, ← ↑ back, Home and End the ends. */
const STEP_KEYS: ReadonlySet<string> = new Set(["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "Home", "End"]);

defineLazyWidget("graph-stepper", { runtime: () => import("./graphStepperRuntime.ts"), keys: STEP_KEYS });
