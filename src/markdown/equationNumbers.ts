import type { Root, RootContent } from "mdast";
import type {} from "mdast-util-math";
import type { VFile } from "vfile";
import { visit, SKIP } from "unist-util-visit";

interface MathNode {
  type: "math" | "inlineMath";
  value: string;
  data?: { hChildren?: { children?: { type: string; value?: string }[] }[] };
}

/** Replaces a math node's TeX; remark-math also keeps a copy in data.hChildren, which becomes the HTML. */
function setTeX(node: MathNode, value: string): void {
  node.value = value;
  for (const child of node.data?.hChildren ?? []) {
    for (const text of child.children ?? []) {
      if (text.type === "text") text.value = value;
    }
  }
}

const labelPattern = /\\label\{([A-Za-z0-9:_-]+)\}/;
const referencePattern = /^\s*\\eqref\{([A-Za-z0-9:_-]+)\}\s*$/;

/** Turns an equation label into the id its display block gets, e.g. `bp1` → `eq-bp1`. */
export function equationId(label: string): string {
  return `eq-${label.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * Remark plugin: numbers display equations that carry `\label{name}` (1, 2, … per chapter),
 * gives each an id to link to, and turns an inline `$\eqref{name}$` into a link reading "(n)".
 * KaTeX's own \label/\eqref only work inside one formula; chapters need them across the page.
 */
export function remarkEquationNumbers() {
  return (tree: Root, file: VFile) => {
    const numbers = new Map<string, number>();
    visit(tree, "math", (mathNode, index, parent) => {
      const node = mathNode as MathNode;
      const match = labelPattern.exec(node.value);
      if (!match || !parent || index === undefined) return;
      const label = match[1];
      if (numbers.has(label)) throw new Error(`${file.path}: equation label "${label}" is used twice`);
      const number = numbers.size + 1;
      numbers.set(label, number);
      setTeX(node, node.value.replace(labelPattern, `\\tag{${number}}`));
      const wrapper = {
        type: "equationBlock",
        data: { hName: "div", hProperties: { id: equationId(label), className: ["equation"] } },
        children: [node],
      } as unknown as RootContent;
      parent.children.splice(index, 1, wrapper as never);
      return SKIP;
    });
    visit(tree, "inlineMath", (node, index, parent) => {
      const match = referencePattern.exec(node.value);
      if (!match || !parent || index === undefined) return;
      const number = numbers.get(match[1]);
      if (number === undefined) {
        throw new Error(`${file.path}: \\eqref{${match[1]}} names no \\label in this chapter`);
      }
      parent.children.splice(index, 1, {
        type: "link",
        url: `#${equationId(match[1])}`,
        data: { hProperties: { className: ["eqref"] } },
        children: [{ type: "text", value: `(${number})` }],
      });
    });
  };
}
