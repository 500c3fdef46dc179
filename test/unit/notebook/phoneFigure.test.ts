import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { createKernel } from "../../../src/notebook/kernel";
import { createCellModules } from "../../../src/notebook/cellModules";
import { checks } from "../../../src/notebook/checks/index";
import { renderOutput } from "../../../src/notebook/render";
import { isOutput, type FigureOutput } from "../../../src/notebook/outputs";
import { PHONE_FIGURE_WIDTH, PHONE_FONT_SIZE } from "../../../src/notebook/phoneFigure";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
const runCell = async (source: string) => (await createKernel({ modules: createCellModules(document), checks }).run({ source: `import * as Plot from "@observablehq/plot";\n${source}`, params: {} })).outputs;
const parse = (markup: string) => parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;

describe("a cell's chart drawn again for a phone", () => {
  it("saves a copy 320 px wide whose every text is at least 12 px, beside the wide chart as the cell drew it", async () => {
    const [output] = (await runCell(`display(Plot.plot({ marks: [Plot.lineY([3, 1, 2]), Plot.text([1], { x: 0, y: 1, text: ["small"], fontSize: 9 })] }))`)) as FigureOutput[];
    const wide = parse(output.markup).querySelector("svg")!;
    expect(wide.getAttribute("width")).toBe("640");
    expect(wide.querySelector("[font-size='9']")).not.toBeNull();
    const phone = parse(output.phoneMarkup!).querySelector("svg")!;
    expect(phone.getAttribute("width")).toBe(String(PHONE_FIGURE_WIDTH));
    expect(phone.getAttribute("style")).toContain(`font-size:${PHONE_FONT_SIZE}px`);
    const sizes = [phone, ...phone.querySelectorAll("[font-size]")].map((element) => Number(element.getAttribute("font-size")));
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(PHONE_FONT_SIZE);
  });

  it("keeps a cell's own font size when it is larger, and the final bare expression gets a copy too", async () => {
    const [output] = (await runCell(`Plot.plot({ width: 520, style: { fontSize: "13px" }, marks: [Plot.lineY([1, 2])] })`)) as FigureOutput[];
    expect(parse(output.phoneMarkup!).querySelector("svg")!.getAttribute("style")).toContain("font-size:13px");
  });

  it("draws no copy of a chart without text (a picture scales well) or of one already phone-sized", async () => {
    const [picture] = (await runCell(`display(Plot.plot({ x: { axis: null }, y: { axis: null }, marks: [Plot.dot([[1, 2], [3, 4]])] }))`)) as FigureOutput[];
    expect(picture.phoneMarkup).toBeUndefined();
    const [narrow] = (await runCell(`display(Plot.plot({ width: 300, marks: [Plot.lineY([1, 2])] }))`)) as FigureOutput[];
    expect(narrow.phoneMarkup).toBeUndefined();
  });

  it("renders both copies in frames notebook.css picks between, and one figure alone as before", () => {
    expect(renderOutput({ type: "figure", markup: "<svg></svg>", phoneMarkup: "<svg id=p></svg>" })).toBe(
      `<div class="nb-out nb-out-figure nb-out-sized"><div class="nb-figure-wide"><svg></svg></div><div class="nb-figure-phone"><svg id=p></svg></div></div>`,
    );
    expect(renderOutput({ type: "figure", markup: "<svg></svg>" })).toBe(`<div class="nb-out nb-out-figure"><svg></svg></div>`);
  });

  it("accepts a phone copy from the worker only as a string", () => {
    expect(isOutput({ type: "figure", markup: "<svg></svg>", phoneMarkup: "<svg></svg>" })).toBe(true);
    expect(isOutput({ type: "figure", markup: "<svg></svg>", phoneMarkup: { toString: () => "<svg>" } })).toBe(false);
  });
});

describe("a diagram's phone copy", () => {
  it("is the same drawing scaled whole, circles with their text, until its smallest text is 12 px, and scrolls sideways in a named, focusable box", async () => {
    const [output] = (await runCell(`display(Plot.plot({ height: 200, x: { axis: null }, y: { axis: null }, marks: [Plot.dot([[0, 0], [1, 1]], { r: 20 }), Plot.text([[0, 0], [1, 1]], { text: ["a", "b"], fontSize: 10 })] }))`)) as FigureOutput[];
    expect(output.phoneScrolls).toBe(true);
    const wide = parse(output.markup).querySelector("svg")!;
    const phone = parse(output.phoneMarkup!).querySelector("svg")!;
    // The drawing is the wide one's, to the mark; it is shown 12/10 as large.
    expect(phone.innerHTML).toBe(wide.innerHTML);
    expect(phone.getAttribute("viewBox")).toBe("0 0 640 200");
    expect([phone.getAttribute("width"), phone.getAttribute("height")]).toEqual(["768", "240"]);
    expect(phone.querySelector("[font-size='10']")).not.toBeNull();
    const html = renderOutput(output);
    expect(html).toContain(`<div class="nb-figure-scroll edge-shadows" tabindex="0" role="region" aria-label="A diagram wider than the screen: scroll it sideways to see all of it.">`);
    expect(html).toContain(`<p class="nb-figure-hint">`);
  });
});
