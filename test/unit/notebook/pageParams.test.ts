import { describe, expect, it } from "vitest";
import { compile } from "@mdx-js/mdx";
import { VFile } from "vfile";
import { remarkNotebookCells } from "../../../src/notebook/remarkCells";

/** Compiles a page with the notebook's remark plugin, as the build does. */
function build(mdx: string) {
  return compile(new VFile({ path: "content/chapter.mdx", value: mdx }), { remarkPlugins: [remarkNotebookCells] }).then(String);
}

const prose = `The rate is <Param name="lr" value={5} min={0.1} max={100} scale="log" />.\n\n`;

describe("the build's side of params={{…}}", () => {
  it("gives a component with params the page's specs of the params it binds", async () => {
    const code = await build(`${prose}<SurfaceDescent params={{ learningRate: "lr" }} />\n`);
    const injected = /pageParams: "((?:[^"\\]|\\.)*)"/.exec(code);
    expect(injected).not.toBeNull();
    expect(JSON.parse(JSON.parse(`"${injected![1]}"`))).toEqual([{ kind: "number", name: "lr", value: 5, min: 0.1, max: 100, scale: "log" }]);
  });

  it("fails the build, naming file, line, widget and param, when a bound name has no <Param>", async () => {
    await expect(build(`${prose}<SurfaceDescent params={{ learningRate: "eta" }} />\n`)).rejects.toThrow(
      `content/chapter.mdx:3: <SurfaceDescent> binds learningRate: "eta", but the page has no <Param name="eta">`,
    );
  });

  it("hands a binding to every <Num> of the page when the bound component says shareParamsWith, in any order", async () => {
    const code = await build(`${prose}The rate, <Num of="r" />.\n\n<Diagram params={{ learningRate: "lr" }} shareParamsWith="Num" />\n\nAgain <Num of="s" />, and <Num of="t" params={{ learningRate: "lr" }} />.\n`);
    expect(code.match(/pageParams: "/g)).toHaveLength(4);
    expect(code.match(/params: \{\s*learningRate: "lr"\s*\}/g)).toHaveLength(4);
    expect(code).not.toContain("shareParamsWith");
  });
});
