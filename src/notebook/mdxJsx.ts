/** The two MDX JSX node shapes the cell plugin reads and writes (mdast-util-mdx-jsx's, reduced to what it uses). */
import type { Code, RootContent } from "mdast";

/** A `name="value"` or `name={expression}` attribute on a JSX element. */
export interface JsxAttribute {
  type: "mdxJsxAttribute";
  name: string;
  value?: string | null | { type: "mdxJsxAttributeValueExpression"; value: string };
}

/** A JSX element in MDX, e.g. `<Param …/>` or `<Cell …>`. */
export interface JsxElement {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: JsxAttribute[];
  children: RootContent[];
  position?: Code["position"];
}
