/**
 * What a chapter's widget is given at build time: its `params={{…}}` resolved by role against the
 * page's `<Param>`s, through the same remark plugins as the build, so a test computes with the
 * very defaults the reader sees instead of reading them out of the MDX with regexes.
 */
import { readFileSync } from "node:fs";
import { createProcessor } from "@mdx-js/mdx";
import remarkMath from "remark-math";
import { VFile } from "vfile";
import type { Root } from "mdast";
import { remarkNotebookCells } from "../../../src/notebook/remarkCells";
import { bindParams, type ParamBinding } from "../../../components/kit/paramBinding";
import { readParamsBinding } from "../../../src/notebook/widgetParams";

interface JsxAttribute {
  name: string;
  value?: string | { value: string } | null;
}

/** The binding `widget` (its first use in `chapter`, e.g. "content/gradient-descent.mdx") gets for `roles`. */
export async function readWidgetParams<R extends string>(chapter: string, widget: string, roles: readonly R[]): Promise<ParamBinding<R>> {
  let attributes: JsxAttribute[] | undefined;
  const capture = () => (tree: Root) => {
    const visit = (node: { type: string; name?: string; attributes?: JsxAttribute[]; children?: unknown[] }) => {
      if (!attributes && node.name === widget && node.attributes) attributes = node.attributes;
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(tree as never);
  };
  const processor = createProcessor({ remarkPlugins: [remarkMath, remarkNotebookCells, capture] });
  const file = new VFile({ path: chapter, value: readFileSync(chapter, "utf8") });
  // The capture plugin has the attributes once the remark plugins have run; the rest of the run is not used.
  await processor.run(processor.parse(file) as never, file);
  if (!attributes) throw new Error(`${chapter} has no <${widget}>`);
  const read = (name: string) => attributes!.find((attribute) => attribute.name === name)?.value;
  const params = read("params");
  const pageParams = read("pageParams");
  return bindParams(widget, roles, {
    params: typeof params === "object" && params ? (readParamsBinding(params.value) as Partial<Record<R, string>>) : undefined,
    pageParams: typeof pageParams === "string" ? pageParams : undefined,
  });
}
