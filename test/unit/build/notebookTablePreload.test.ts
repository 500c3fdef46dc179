import { describe, expect, it } from "vitest";
import { findNotebookTable } from "../../../src/build/notebookTablePreload";

// Chunks as Vite writes them: minified, importing their siblings by relative name.
const chunks = new Map([
  ["Cell.a1.js", 'import{p as e}from"./notebookStrings.b2.js";import"./render.c3.js";customElements.define("nb-cell",class{})'],
  ["render.c3.js", 'import{p as t}from"./notebookStrings.b2.js";export{t as r}'],
  ["notebookStrings.b2.js", 'import{_ as t}from"./preload-helper.d4.js";const a=x()?(await t(()=>import("./notebook.zh.z9.js"),[])).zh:(await t(()=>import("./notebook.en.e8.js"),[])).en;export{a as p}'],
  ["preload-helper.d4.js", "export const _=(f)=>f();"],
  ["notebook.en.e8.js", "export const en={}"],
  ["notebook.zh.z9.js", "export const zh={}"],
  ["Search.f5.js", 'import"./Search.f5.js";customElements.define("site-search",class{})'],
]);
const folder = "/course/backprop/_astro/";
const english = '<html lang="en"><body></body></html>';
const chinese = '<html lang="zh-CN"><body></body></html>';

describe("findNotebookTable", () => {
  it("names the page's own edition of the notebook table when its scripts reach the file that loads it", () => {
    expect(findNotebookTable(english, [`${folder}Search.f5.js`, `${folder}Cell.a1.js`], folder, chunks)).toBe(`${folder}notebook.en.e8.js`);
    expect(findNotebookTable(chinese, [`${folder}Cell.a1.js`], folder, chunks)).toBe(`${folder}notebook.zh.z9.js`);
  });

  it("names nothing for a page whose scripts never load the table, following import circles without looping", () => {
    expect(findNotebookTable(english, [`${folder}Search.f5.js`], folder, chunks)).toBeUndefined();
    expect(findNotebookTable(english, ["/elsewhere/Cell.a1.js"], folder, chunks)).toBeUndefined();
  });

  it("fails the build when the table the scripts load is not beside them", () => {
    const withoutChinese = new Map([...chunks].filter(([name]) => !name.startsWith("notebook.zh.")));
    expect(() => findNotebookTable(chinese, [`${folder}Cell.a1.js`], folder, withoutChinese)).toThrow(/notebook\.zh/);
  });
});
