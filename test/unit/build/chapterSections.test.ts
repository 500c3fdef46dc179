import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Element, Root, RootContent } from "hast";
import { VFile } from "vfile";
import { PART_CLASS, rehypeChapterSections } from "../../../src/build/chapterSections";

const element = (tagName: string, text: string, children: RootContent[] = []): Element => ({
  type: "element",
  tagName,
  properties: {},
  children: [{ type: "text", value: text }, ...(children as Element[])],
});
const param = { type: "mdxJsxTextElement", name: "Param", attributes: [{ type: "mdxJsxAttribute", name: "name", value: "lr" }], children: [] } as unknown as RootContent;
const choiceParam = {
  type: "mdxJsxTextElement",
  name: "Param",
  attributes: [{ type: "mdxJsxAttribute", name: "choices", value: { type: "mdxJsxAttributeValueExpression", value: '["tanh", "relu"]' } }],
  children: [],
} as unknown as RootContent;
const esm = { type: "mdxjsEsm", value: 'import MenuWidget from "~/test/unit/build/fixtures/MenuWidget.astro";' } as unknown as RootContent;
const menuWidget = { type: "mdxJsxFlowElement", name: "MenuWidget", attributes: [], children: [] } as unknown as RootContent;

/** The tree after the plugin, as one line per top-level node: a part lists its children's tags. */
function outline(children: RootContent[], path = resolve("content/example.mdx")): string[] {
  const tree: Root = { type: "root", children };
  rehypeChapterSections()(tree, new VFile({ path }));
  return tree.children.map((node) => {
    if (node.type === "element" && node.properties.className?.toString() === PART_CLASS) {
      return `part[${node.children.map((child) => (child.type === "element" ? child.tagName : child.type)).join(" ")}] ${node.properties.style}`;
    }
    return node.type === "element" ? node.tagName : (node as { name?: string }).name ?? node.type;
  });
}

describe("rehypeChapterSections", () => {
  it("leaves the opening alone and puts each level-2 section in a part, with its estimated lines and blocks", () => {
    const lines = outline([element("p", "Opening."), element("h2", "One"), element("pre", "code"), element("p", "x".repeat(150)), element("h2", "Two"), element("p", "y")]);
    expect(lines).toEqual(["p", "part[h2 pre p] --part-lines:6;--part-blocks:1", "part[h2 p] --part-lines:4;--part-blocks:0"]);
  });

  it("cuts the notation page of either edition into parts too, a heading written as JSX starting a section as ## does, and leaves other pages whole", () => {
    const heading = { type: "mdxJsxFlowElement", name: "h2", attributes: [], children: [{ type: "text", value: "One" }] } as unknown as RootContent;
    const page = () => [element("p", "Opening."), heading, element("table", "x".repeat(10)), element("h2", "Two"), element("p", "y")];
    const parted = ["p", "part[mdxJsxFlowElement table] --part-lines:2;--part-blocks:1", "part[h2 p] --part-lines:4;--part-blocks:0"];
    expect(outline(page(), resolve("src/pages/notation.mdx"))).toEqual(parted);
    expect(outline(page(), resolve("src/pages/zh/notation.mdx"))).toEqual(parted);
    expect(outline(page(), resolve("src/pages/instructors.mdx"))).toEqual(["p", "h2", "table", "h2", "p"]);
  });

  it("ends a part between two paragraphs once it holds a phone's screen of text, and never between a paragraph and its equation", () => {
    // 700 characters: 10 lines of text and one of space.
    const long = () => element("p", "x".repeat(700));
    const equation = (): Element => ({ ...element("div", "E = mc²"), properties: { className: ["equation"] } });
    const lines = outline([element("p", "Opening."), element("h2", "One"), long(), equation(), long(), long(), equation(), long()]);
    expect(lines).toEqual(["p", "part[h2 p div p] --part-lines:24;--part-blocks:1", "part[p div p] --part-lines:22;--part-blocks:1"]);
  });

  it("ends a part before a paragraph after a list or a table too, once it holds a phone's screen of text, but not after a quotation or code", () => {
    const long = () => element("p", "x".repeat(700));
    const lines = outline([element("p", "Opening."), element("h2", "One"), long(), element("ul", "a list"), long(), element("ul", "a list"), element("table", "x"), long(), element("blockquote", "a quote"), long(), element("pre", "code"), long()]);
    expect(lines).toEqual([
      "p",
      "part[h2 p ul] --part-lines:15;--part-blocks:0",
      "part[p ul table] --part-lines:13;--part-blocks:1",
      // Not after a quotation, whose bottom margin is larger than a paragraph's top one, nor after code.
      "part[p blockquote p pre p] --part-lines:35;--part-blocks:1",
    ]);
  });

  it("starts a part at a cell, a widget or a figure that follows running text, not at a table or code, nor right under a heading", () => {
    const widget = { type: "mdxJsxFlowElement", name: "SomeFigure", attributes: [], children: [] } as unknown as RootContent;
    const figure = (): Element => element("figure", "");
    const lines = outline([element("p", "Opening."), element("h2", "One"), element("p", "Before."), widget, element("pre", "code"), element("p", "After."), element("ul", "a list"), figure(), element("p", "Then."), element("table", "x"), element("pre", "code")]);
    expect(lines).toEqual([
      "p",
      "part[h2 p] --part-lines:4;--part-blocks:0",
      "part[mdxJsxFlowElement pre p ul] --part-lines:4;--part-blocks:2",
      // A table or a code listing after text stays in its part: its gap above is the paragraph's margin.
      "part[figure p table pre] --part-lines:2;--part-blocks:3",
    ]);
    // A figure right under its heading starts no part of its own.
    expect(outline([element("p", "Opening."), element("h2", "One"), widget, element("p", "After.")])).toEqual(["p", "part[h2 mdxJsxFlowElement p] --part-lines:4;--part-blocks:1"]);
  });

  it("counts a Chinese character as two Latin letters' width, as a line holds half as many", () => {
    const lines = outline([element("p", "Opening."), element("h2", "一"), element("p", "梯".repeat(75))], resolve("content/zh/example.mdx"));
    expect(lines).toEqual(["p", "part[h2 p] --part-lines:6;--part-blocks:0"]);
  });

  it("keeps a block holding a form field out of every part: a widget that writes a <select>", () => {
    const lines = outline([esm, element("h2", "One"), element("p", "Before."), menuWidget, element("p", "End.")]);
    expect(lines).toEqual(["mdxjsEsm", "part[h2 p] --part-lines:4;--part-blocks:0", "MenuWidget", "part[p] --part-lines:2;--part-blocks:0"]);
  });

  it("keeps a widget with a <form> out of every part, though the form holds only buttons and radio buttons", () => {
    const formImport = { type: "mdxjsEsm", value: 'import FormWidget from "~/test/unit/build/fixtures/FormWidget.astro";' } as unknown as RootContent;
    const formWidget = { type: "mdxJsxFlowElement", name: "FormWidget", attributes: [], children: [] } as unknown as RootContent;
    const lines = outline([formImport, element("h2", "One"), element("p", "Before."), formWidget, element("p", "End.")]);
    expect(lines).toEqual(["mdxjsEsm", "part[h2 p] --part-lines:4;--part-blocks:0", "FormWidget", "part[p] --part-lines:2;--part-blocks:0"]);
  });

  it("keeps a field written in the chapter itself out of every part", () => {
    const lines = outline([element("p", "Opening."), element("h2", "One"), element("p", "Before."), element("form", "", [element("input", "")]), element("p", "End.")]);
    expect(lines).toEqual(["p", "part[h2 p] --part-lines:4;--part-blocks:0", "form", "part[p] --part-lines:2;--part-blocks:0"]);
  });

  it("lets a widget whose radio buttons, check box and button stand outside any form join its part", () => {
    const radioImport = { type: "mdxjsEsm", value: 'import RadioWidget from "~/test/unit/build/fixtures/RadioWidget.astro";' } as unknown as RootContent;
    const radioWidget = { type: "mdxJsxFlowElement", name: "RadioWidget", attributes: [], children: [] } as unknown as RootContent;
    const lines = outline([radioImport, element("h2", "One"), element("p", "Before."), radioWidget, element("p", "After.")]);
    expect(lines).toEqual(["mdxjsEsm", "part[h2 p] --part-lines:4;--part-blocks:0", "part[mdxJsxFlowElement p] --part-lines:2;--part-blocks:1"]);
  });

  it("judges a field written in the chapter by the same rule as a component's: a radio button joins its part, a text field and a form stay out", () => {
    const input = (type: string): Element => ({ type: "element", tagName: "input", properties: { type }, children: [] });
    const chapter = (field: Element) => outline([element("p", "Opening."), element("h2", "One"), element("p", "Before.", [field]), element("p", "After.")]);
    expect(chapter(input("radio"))).toEqual(["p", "part[h2 p p] --part-lines:6;--part-blocks:0"]);
    expect(chapter(input("checkbox"))).toEqual(["p", "part[h2 p p] --part-lines:6;--part-blocks:0"]);
    expect(chapter(input("text"))).toEqual(["p", "part[h2] --part-lines:2;--part-blocks:0", "p", "part[p] --part-lines:2;--part-blocks:0"]);
    expect(chapter(element("form", "", [input("radio")]))).toEqual(["p", "part[h2] --part-lines:2;--part-blocks:0", "p", "part[p] --part-lines:2;--part-blocks:0"]);
  });

  it("lets the playground, whose menus and number fields all wait in <FieldWhenDrawn>s, join its part", () => {
    const playgroundImport = { type: "mdxjsEsm", value: 'import Playground from "~/components/playground/Playground.astro";' } as unknown as RootContent;
    const playground = { type: "mdxJsxFlowElement", name: "Playground", attributes: [], children: [] } as unknown as RootContent;
    const source = readFileSync("components/playground/Playground.astro", "utf8");
    expect(source.match(/<FieldWhenDrawn\b(?:=>|[^>])*>\s*<(?:select|input)\b/g)).toHaveLength(12);
    const lines = outline([playgroundImport, element("h2", "One"), element("p", "Before."), playground, element("p", "After.")]);
    expect(lines).toEqual(["mdxjsEsm", "part[h2 p] --part-lines:4;--part-blocks:0", "part[mdxJsxFlowElement p] --part-lines:2;--part-blocks:1"]);
  });

  it("lets a widget whose fields wait in a <FieldWhenDrawn> join its part: the perceptron lab writes its menus once drawn", () => {
    const labImport = { type: "mdxjsEsm", value: 'import PerceptronLab from "~/components/perceptron/PerceptronLab.astro";' } as unknown as RootContent;
    const lab = { type: "mdxJsxFlowElement", name: "PerceptronLab", attributes: [], children: [] } as unknown as RootContent;
    const source = readFileSync("components/perceptron/PerceptronLab.astro", "utf8");
    expect(source.match(/<select\b/g)).toHaveLength(2);
    expect(source.match(/<FieldWhenDrawn\b(?:=>|[^>])*>\s*<select\b/g)).toHaveLength(2);
    const lines = outline([labImport, element("h2", "One"), element("p", "Before."), lab, element("p", "After.")]);
    expect(lines).toEqual(["mdxjsEsm", "part[h2 p] --part-lines:4;--part-blocks:0", "part[mdxJsxFlowElement p] --part-lines:2;--part-blocks:1"]);
  });

  it("lets a sentence with a number or a choice <Param> join its part, as a Param's field is written only once its part is drawn", () => {
    expect(readFileSync("components/Param.astro", "utf8")).not.toMatch(/<(?:input|select|textarea)\b/);
    const lines = outline([element("p", "Opening."), element("h2", "One"), element("p", "Before."), element("p", "The rate ", [param as Element]), element("p", "The activation ", [choiceParam as Element]), element("p", "After.")]);
    expect(lines).toEqual(["p", "part[h2 p p p p] --part-lines:10;--part-blocks:0"]);
  });

  it("lets a widget whose only field waits in a <template> join its part: the graph stepper writes its expression field when the reader asks", () => {
    const stepperImport = { type: "mdxjsEsm", value: 'import GraphStepper from "~/components/chain-rule/GraphStepper.astro";' } as unknown as RootContent;
    const stepper = { type: "mdxJsxFlowElement", name: "GraphStepper", attributes: [], children: [] } as unknown as RootContent;
    expect(readFileSync("components/chain-rule/GraphStepper.astro", "utf8")).toMatch(/<template[^>]*>\s*<form[\s\S]*<input type="text"[\s\S]*<\/template>/);
    const lines = outline([stepperImport, element("h2", "One"), element("p", "Before."), stepper, element("p", "After.")]);
    expect(lines).toEqual(["mdxjsEsm", "part[h2 p] --part-lines:4;--part-blocks:0", "part[mdxJsxFlowElement p] --part-lines:2;--part-blocks:1"]);
  });

  it("changes nothing outside the chapters", () => {
    expect(outline([element("h2", "One"), element("p", "x")], resolve("src/pages/instructors.mdx"))).toEqual(["h2", "p"]);
  });
});
