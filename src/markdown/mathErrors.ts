import katex from "katex";
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";

interface MathNode {
  type: "math" | "inlineMath";
  value: string;
  position?: { start: { line: number; column: number } };
}

/**
 * Remark plugin: renders every formula once with KaTeX in strict mode and fails the build on the
 * first it cannot render, naming file, line and KaTeX's reason. rehype-katex alone only warns
 * and prints the TeX in red, which would ship a broken page.
 */
export function remarkFailOnBadMath() {
  return (tree: Root, file: VFile) => {
    const failures: string[] = [];
    visit(tree, ["math", "inlineMath"], (node) => {
      const math = node as unknown as MathNode;
      try {
        katex.renderToString(math.value, { displayMode: math.type === "math", throwOnError: true, strict: "error" });
      } catch (error) {
        const where = `${file.path}:${math.position?.start.line ?? "?"}:${math.position?.start.column ?? "?"}`;
        failures.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    if (failures.length > 0) {
      throw new Error(`KaTeX cannot render ${failures.length} formula(s):\n${failures.join("\n")}`);
    }
  };
}
