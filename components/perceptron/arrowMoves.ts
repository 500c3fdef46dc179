/** The arrow keys on a plane figure, as one step in data coordinates (x₁ to the right, x₂ up). */
export const ARROW_MOVES: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
