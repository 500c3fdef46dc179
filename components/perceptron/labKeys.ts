/** The keys the lab's plane takes: the arrows move the crosshair, Enter or Space adds or removes a point there. */
export const LAB_KEYS: ReadonlySet<string> = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Enter", " "]);
