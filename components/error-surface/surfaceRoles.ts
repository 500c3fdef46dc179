/** The params each mode of <SurfaceWidget> binds, by role, for the component and its runtime alike. */

/** The widget's three modes. */
export type Mode = "explorer" | "compare" | "shapes";

/** Every role any mode binds. */
export type Role = "points" | "flipped" | "loss" | "curvature";

/** The roles a mode binds: the data for the surfaces of E, the curvature for the shapes. */
export const ROLES: Readonly<Record<Mode, readonly Role[]>> = {
  explorer: ["points", "flipped", "loss"],
  compare: ["points", "flipped"],
  shapes: ["curvature"],
};
