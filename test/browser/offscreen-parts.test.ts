import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { basePath, flickTo, launchBrowser, pageUrl, watchPage } from "./harness";
import { layoutShifts, recordLayoutShifts, sumShifts } from "./layoutShifts";
import { DROP_BOTTOM, DROP_TOP } from "../../src/build/partEdges";

// Issue #15: a chapter's parts after its opening (src/build/chapterSections.ts) are rendered only as the reader
// nears them, and nothing a reader does notices: anchors land, find in page finds, nothing moves, the contents
// and the progress bar follow, and the fonts of far sections wait until the reader is there.
const chapters = ["perceptron", "error-surface", "gradient-descent", "chain-rule", "backpropagation", "your-own-autograd", "real-data"];
const phone = { width: 360, height: 740 };

let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser({ viewport: phone });
});

afterAll(async () => {
  await context?.close();
});

/** Whether each part's content is rendered now (false: skipped by content-visibility), in page order. */
const renderedParts = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll(".chapter-part")].map((part) => part.firstElementChild!.checkVisibility({ contentVisibilityAuto: true })));


/** Where an element sits across its line, and its size. */
const boxOf = (locator: Locator) =>
  locator.evaluate((element) => {
    const { x, width, height } = element.getBoundingClientRect();
    return { x, width, height };
  });

/** A field written in place of the value the page showed takes its box: the same x, width and height to half a pixel. */
function expectSameBox(after: { x: number; width: number; height: number }, before: { x: number; width: number; height: number }): void {
  expect(Math.abs(after.x - before.x)).toBeLessThan(0.5);
  expect(Math.abs(after.width - before.width)).toBeLessThan(0.5);
  expect(Math.abs(after.height - before.height)).toBeLessThan(0.5);
}

describe.each(chapters.flatMap((slug) => [slug, `zh/${slug}`]))("the parts of /%s/", (path) => {
  it("hold no form field while skipped (Chromium would lay out a skipped part holding one at load), and the ones far below start skipped", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl(`${path}/`), { waitUntil: "load" });
    const parts = await renderedParts(page);
    expect(parts.length).toBeGreaterThan(5);
    const fieldsInSkippedParts = await page.evaluate(
      () =>
        [...document.querySelectorAll(".chapter-part")]
          .filter((part) => !part.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }))
          .flatMap((part) => [...part.querySelectorAll("input:not([type=radio], [type=checkbox]), select, textarea, form")]).length,
    );
    expect(fieldsInSkippedParts).toBe(0);
    expect(parts.at(-1)).toBe(false);
    await page.close();
  });
});

/**
 * Where a block's margin drops at a part's edge, as the stylesheet once found it with selectors (src/build/partEdges.ts
 * says why the build marks the blocks instead): what the marks must match, block for block.
 */
const edgeRules = [
  {
    name: DROP_TOP,
    margin: "marginTop",
    selectors: [
      ".prose > :not(.chapter-part) + .chapter-part > p:nth-child(1 of :not(script, style))",
      ".prose > :not(p, .chapter-part) + .chapter-part > :nth-child(1 of :not(script, style)):not(p, h2, h3)",
      ".chapter-part:has(> :nth-last-child(1 of :not(script, style)):not(p, h2, h3)) + p",
    ],
  },
  {
    name: DROP_BOTTOM,
    margin: "marginBottom",
    selectors: [
      ".prose > :has(+ .chapter-part > :is(h2, h3):nth-child(1 of :not(script, style)))",
      ".prose > p:has(+ .chapter-part > :nth-child(1 of :not(script, style)):not(p))",
      ".chapter-part > :is(p, h2, h3):nth-last-child(1 of :not(script, style))",
      ".chapter-part:has(+ :not(p)) > :nth-last-child(1 of :not(script, style))",
    ],
  },
] as const;

describe.each([...chapters, "notation"].flatMap((slug) => [slug, `zh/${slug}`]))("the edges of the parts of /%s/", (path) => {
  it("drop a margin on just the blocks the edge rules name, and those blocks have none on that side", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl(`${path}/`), { waitUntil: "load" });
    const edges = await page.evaluate((rules) =>
      rules.map(({ name, margin, selectors }) => {
        const named = new Set(document.querySelectorAll(selectors.join(", ")));
        const marked = new Set(document.querySelectorAll(`.${name}`));
        const describe = (element: Element) => `${element.tagName} after ${element.previousElementSibling?.tagName}: ${element.textContent?.slice(0, 40)}`;
        return {
          name,
          count: marked.size,
          unmarked: [...named].filter((element) => !marked.has(element)).map(describe),
          extra: [...marked].filter((element) => !named.has(element)).map(describe),
          withMargin: [...marked].filter((element) => getComputedStyle(element)[margin] !== "0px").map(describe),
        };
      }),
    edgeRules);
    // Parts are cut so that few edges drop a top margin; every page has some edges.
    expect(edges.reduce((sum, { count }) => sum + count, 0)).toBeGreaterThan(2);
    for (const { name, unmarked, extra, withMargin } of edges) {
      expect(unmarked, name).toEqual([]);
      expect(extra, name).toEqual([]);
      expect(withMargin, name).toEqual([]);
    }
    await page.close();
  });

  it("keep every gap at a part's edge what the two blocks' margins collapse to on a page without parts, within a pixel", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl(`${path}/`), { waitUntil: "load" });
    // Every part drawn, so each edge is measured as laid out.
    await page.addStyleTag({ content: ".chapter-part { content-visibility: visible !important; }" });
    const edges = await page.evaluate((markNames) => {
      const spaceless = (element: Element) => ["SCRIPT", "STYLE"].includes(element.tagName);
      const isPart = (element: Element) => element.classList.contains("chapter-part");
      const shown = (part: Element, end: "first" | "last") => {
        const children = [...part.children].filter((child) => !spaceless(child));
        return end === "first" ? children[0] : children.at(-1);
      };
      const sibling = (element: Element, way: "previousElementSibling" | "nextElementSibling") => {
        let next = element[way];
        while (next && spaceless(next)) next = next[way];
        return next;
      };
      // A block's margin as the stylesheet gives it where no part cuts the page: without the build's marks.
      const ownMargin = (element: Element, side: "marginTop" | "marginBottom") => {
        const marks = markNames.filter((name) => element.classList.contains(name));
        element.classList.remove(...marks);
        const margin = parseFloat(getComputedStyle(element)[side]);
        element.classList.add(...marks);
        return margin;
      };
      const pairs: [Element, Element][] = [];
      for (const part of document.querySelectorAll(".chapter-part")) {
        const above = sibling(part, "previousElementSibling");
        const below = sibling(part, "nextElementSibling");
        const [first, last] = [shown(part, "first"), shown(part, "last")];
        if (above && first) pairs.push([isPart(above) ? shown(above, "last")! : above, first]);
        if (below && !isPart(below) && last) pairs.push([last, below]);
      }
      return pairs.map(([upper, lower]) => ({
        what: `${upper.tagName} | ${lower.tagName}: ${lower.textContent?.slice(0, 40)}`,
        gap: lower.getBoundingClientRect().top - upper.getBoundingClientRect().bottom,
        collapsed: Math.max(ownMargin(upper, "marginBottom"), ownMargin(lower, "marginTop")),
      }));
    }, [DROP_TOP, DROP_BOTTOM]);
    expect(edges.length).toBeGreaterThan(5);
    for (const { what, gap, collapsed } of edges) expect(Math.abs(gap - collapsed), what).toBeLessThanOrEqual(1);
    await page.close();
  });
});

describe("a number <Param> in a part", () => {
  // Back-propagation's worked example: a paragraph with twelve numbers, far down the page.
  const value = (page: Page) => page.locator('nb-param[data-name="x1"] .nb-param-value');
  const field = (page: Page) => page.locator('nb-param[data-name="x1"] input');

  it("shows its value, with the field's name and limits, until its part is drawn; then writes its field in the same box", async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl("backpropagation/?x1=0.125"), { waitUntil: "networkidle" });
    expect(await page.locator(".chapter-part nb-param .nb-param-value").count()).toBeGreaterThan(10);
    expect(await field(page).count()).toBe(0);
    // The value is the one in the address, and a screen reader hears a spin button with its name.
    expect(await value(page).textContent()).toBe("0.125");
    expect(await value(page).evaluate((span) => [span.getAttribute("role"), span.getAttribute("aria-label"), span.getAttribute("aria-valuenow"), span.tabIndex])).toEqual(["spinbutton", "input x1", "0.125", 0]);
    const before = await boxOf(value(page));
    expect(before.width).toBeGreaterThan(20);
    await flickTo(page, page.locator('nb-param[data-name="x1"]'));
    await field(page).waitFor();
    expect(await value(page).count()).toBe(0);
    expect(await field(page).inputValue()).toBe("0.125");
    expect(await field(page).getAttribute("aria-label")).toBe("input x1");
    expectSameBox(await boxOf(field(page)), before);
    // The field works: an arrow key steps the value, and it widens as the reader types a longer number.
    await field(page).focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => field(page).getAttribute("aria-valuenow")).not.toBe("0.125");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("0.12345678");
    expect(await field(page).evaluate((input) => input.getBoundingClientRect().width)).toBeGreaterThan(before.width * 1.5);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("writes its field at once, with the focus in it, when a keyboard reader reaches the value before its part is drawn", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl("backpropagation/"), { waitUntil: "networkidle" });
    expect(await field(page).count()).toBe(0);
    await value(page).focus();
    await field(page).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("x1");
    await page.keyboard.press("End");
    await expect.poll(() => field(page).getAttribute("aria-valuenow")).toBe("2");
    await page.close();
  });
});

describe("the <Param>s in parts the browser skips", () => {
  it("are left as the page wrote them while they upgrade at load: no text or width rewritten, which would lay their parts out again", async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const changed: string[] = [];
      (window as unknown as { paramChanges: string[] }).paramChanges = changed;
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          const host = (record.target instanceof Element ? record.target : record.target.parentElement)?.closest("nb-param");
          if (host) changed.push(`${host.getAttribute("data-name")} ${record.type} ${record.attributeName ?? ""}`);
        }
      });
      // From the end of parsing, when the page's scripts start: the parser's own writing is not a change.
      document.addEventListener("readystatechange", () => {
        if (document.readyState === "interactive") observer.observe(document, { subtree: true, childList: true, characterData: true, attributeFilter: ["style", "aria-valuenow"] });
      });
    });
    await page.goto(pageUrl("backpropagation/"), { waitUntil: "networkidle" });
    expect(await page.locator("nb-param").count()).toBeGreaterThan(10);
    const skipped = await page.evaluate(() => [...document.querySelectorAll("nb-param")].filter((host) => !host.checkVisibility({ contentVisibilityAuto: true })).map((host) => host.getAttribute("data-name")));
    expect(skipped).toEqual(expect.arrayContaining(["x1", "flowActivation"]));
    const changes = await page.evaluate(() => (window as unknown as { paramChanges: string[] }).paramChanges);
    expect(changes.filter((change) => skipped.includes(change.split(" ")[0]))).toEqual([]);
    await page.close();
  });
});

describe("a choice <Param> in a part", () => {
  // Back-propagation's delta-flow sentence, far down the page.
  const shown = (page: Page) => page.locator('nb-param[data-name="flowActivation"] .nb-param-choice');
  const menu = (page: Page) => page.locator('nb-param[data-name="flowActivation"] select');

  it("shows its choice, with the menu's role and name, until its part is drawn; then writes its menu in the same box", async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl("backpropagation/?flowActivation=tanh"), { waitUntil: "networkidle" });
    expect(await menu(page).count()).toBe(0);
    expect(await shown(page).textContent()).toBe("tanh");
    expect(await shown(page).evaluate((span) => [span.getAttribute("role"), span.getAttribute("aria-label"), span.getAttribute("aria-expanded"), span.tabIndex])).toEqual(["combobox", "hidden activation", "false", 0]);
    const sentenceHeight = () => page.locator('nb-param[data-name="flowActivation"]').evaluate((host) => host.closest("p")!.getBoundingClientRect().height);
    const before = await boxOf(shown(page));
    const sentenceBefore = await sentenceHeight();
    await flickTo(page, page.locator('nb-param[data-name="flowActivation"]'));
    await menu(page).waitFor();
    const after = await boxOf(menu(page));
    expect(await sentenceHeight()).toBeCloseTo(sentenceBefore, 1);
    expect(await shown(page).count()).toBe(0);
    expect(await menu(page).inputValue()).toBe("tanh");
    expect(await menu(page).getAttribute("aria-label")).toBe("hidden activation");
    expect(await menu(page).evaluate((select: HTMLSelectElement) => [...select.options].map((option) => option.value))).toEqual(["sigmoid", "tanh", "relu"]);
    expectSameBox(after, before);
    await menu(page).selectOption("relu");
    await expect.poll(() => new URL(page.url()).searchParams.get("flowActivation")).toBe("relu");
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("is one box, centred on its line as the sentence's number fields are, before and after its menu is written: its wrapper draws no box of its own, and its text is the numbers' size", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl("backpropagation/"), { waitUntil: "networkidle" });
    const host = page.locator('nb-param[data-name="flowActivation"]');
    const number = page.locator('nb-param[data-name="flowDepth"]');
    /** How far the middle of a Param's control sits below the middle of the text right after the Param (its line's letters). */
    const dropBelowText = (param: Locator) =>
      param.evaluate((element) => {
        const control = element.querySelector("select, input, span[tabindex]")!.getBoundingClientRect();
        const after = document.createRange();
        after.setStart(element.nextSibling!, 0);
        after.setEnd(element.nextSibling!, 1);
        const text = after.getBoundingClientRect();
        return (control.top + control.bottom) / 2 - (text.top + text.bottom) / 2;
      });
    /** The wrapper's own drawing (its line and its fill), and the control's text size and place against the number's. */
    const look = (control: Locator, numberControl: Locator) =>
      Promise.all([
        host.evaluate((element) => {
          const style = getComputedStyle(element);
          return [style.display, style.borderBottomStyle, style.backgroundColor];
        }),
        control.evaluate((element) => getComputedStyle(element).fontSize),
        numberControl.evaluate((element) => getComputedStyle(element).fontSize),
        dropBelowText(host),
        dropBelowText(number),
      ]);
    const expectOneBox = ([wrapper, controlFont, numberFont, menuDrop, numberDrop]: Awaited<ReturnType<typeof look>>) => {
      expect(wrapper).toEqual(["inline", "none", "rgba(0, 0, 0, 0)"]);
      expect(controlFont).toBe(numberFont);
      // The menu used to sit on the line by its bottom edge, about 9 px higher than the numbers.
      expect(Math.abs(menuDrop - numberDrop)).toBeLessThan(1.5);
    };
    expectOneBox(await look(shown(page), number.locator(".nb-param-value")));
    await flickTo(page, host);
    await menu(page).waitFor();
    await number.locator("input").waitFor();
    expectOneBox(await look(menu(page), number.locator("input")));
    await page.close();
  });

  it("writes its menu at once, with the focus in it, when a keyboard reader reaches the choice before its part is drawn", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl("backpropagation/"), { waitUntil: "networkidle" });
    expect(await menu(page).count()).toBe(0);
    await shown(page).focus();
    await menu(page).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe("flowActivation");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => new URL(page.url()).searchParams.get("flowActivation")).toBe("tanh");
    await page.close();
  });
});

/**
 * Checks that a widget's fields wait in their FieldWhenDrawn slots while its part is skipped, then flicks to `target`
 * and checks that each field is written in its slot, the slot and the field in the slot's box from before; returns
 * those boxes.
 */
async function expectFieldsWrittenInTheirSlots(page: Page, widget: Locator, target: Locator): Promise<{ x: number; width: number; height: number }[]> {
  const slots = widget.locator(".widget-field-slot");
  const fields = widget.locator("select, input:not([type=radio])");
  expect(await widget.evaluate((element) => element.closest(".chapter-part") !== null && !element.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
  expect(await fields.count()).toBe(0);
  const count = await slots.count();
  const before = await Promise.all(Array.from({ length: count }, (_, i) => boxOf(slots.nth(i))));
  await flickTo(page, target);
  await expect.poll(() => fields.count()).toBe(count);
  for (let i = 0; i < count; i += 1) {
    expectSameBox(await boxOf(slots.nth(i)), before[i]);
    expectSameBox(await boxOf(slots.nth(i).locator("select, input")), before[i]);
  }
  return before;
}

describe.each(["perceptron", "zh/perceptron"])("the perceptron lab's menus on /%s/", (path) => {
  const lab = (page: Page) => page.locator("perceptron-lab");

  it("wait in their slots while the lab's part is skipped, then are written in the same boxes when it is drawn, and work", async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl(`${path}/`), { waitUntil: "networkidle" });
    await page.waitForFunction(() => customElements.get("perceptron-lab") !== undefined && !document.querySelector<HTMLElement>("perceptron-lab .pl-toolbar")!.hidden);
    // The lab sits in a part far below the first screen, skipped, and holds no field until it is drawn.
    const before = await expectFieldsWrittenInTheirSlots(page, lab(page), lab(page));
    expect(before).toHaveLength(2);
    for (const [i, box] of before.entries()) {
      expect(box.width).toBeGreaterThan(40);
      // As wide as the menu would make itself for its longest label, or at most a little wider: no label cut.
      const ownWidth = await lab(page).locator(".widget-field-slot select").nth(i).evaluate((select) => {
        select.style.width = "auto";
        const width = select.getBoundingClientRect().width;
        select.style.width = "";
        return width;
      });
      expect(ownWidth).toBeLessThanOrEqual(box.width + 0.5);
      expect(ownWidth).toBeGreaterThan(box.width - 12);
    }
    await lab(page).locator('[data-pl="preset"]').selectOption("xor");
    await expect.poll(() => lab(page).locator('[data-pl="status"]').textContent()).toContain("XOR");
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("are written before the lab starts when a link sets its learning rate, though its part is not drawn yet", async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl(`${path}/?lr=0.5`), { waitUntil: "networkidle" });
    await expect.poll(() => lab(page).getAttribute("data-runtime")).toBe("loaded");
    expect(await lab(page).evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
    expect(await lab(page).locator("select").count()).toBe(2);
    expect(await lab(page).locator('[data-pl="eta"]').textContent()).toBe("0.5");
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});

describe("the playground's settings on /backpropagation/", () => {
  const playground = (page: Page) => page.locator("training-playground");
  const slots = (page: Page) => playground(page).locator(".widget-field-slot");

  it("wait in their slots while its part is skipped, then are written in the same boxes when it is drawn, and work", async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pageUrl("backpropagation/"), { waitUntil: "networkidle" });
    await page.waitForFunction(() => customElements.get("training-playground") !== undefined);
    const before = await expectFieldsWrittenInTheirSlots(page, playground(page), playground(page).locator(".pg-controls"));
    // Four menus, seven numbers and one per hidden layer.
    expect(before.length).toBeGreaterThanOrEqual(12);
    await playground(page).locator('[data-control="learningRate"]').fill("0.05");
    await playground(page).locator('[data-control="learningRate"]').press("Enter");
    await expect.poll(() => playground(page).locator("[data-model]").textContent()).toContain("η = 0.05");
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("are shown without scripts, each in its slot", async () => {
    const still = await launchBrowser({ viewport: phone, javaScriptEnabled: false });
    const page = await still.newPage();
    await page.goto(pageUrl("backpropagation/"), { waitUntil: "load" });
    const count = await slots(page).count();
    expect(count).toBeGreaterThanOrEqual(12);
    expect(await playground(page).locator(".widget-field-slot > noscript > :is(select, input)").count()).toBe(count);
    expect(await playground(page).locator('[data-control="activation"]').inputValue()).toBe("tanh");
    await still.close();
  });
});

describe("a section cut into parts between two paragraphs", () => {
  it("keeps the gap between the two paragraphs the same as between two paragraphs inside a part", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl("gradient-descent/"), { waitUntil: "load" });
    const gaps = await page.evaluate(async () => {
      const gap = (upper: Element, lower: Element) => lower.getBoundingClientRect().top - upper.getBoundingClientRect().bottom;
      const parts = [...document.querySelectorAll(".chapter-part")];
      const cut = parts.find((part) => part.previousElementSibling?.classList.contains("chapter-part") && part.firstElementChild?.tagName === "P" && part.previousElementSibling.lastElementChild?.tagName === "P")!;
      const upper = cut.previousElementSibling!.lastElementChild!;
      const inside = document.querySelector(".chapter-part > p + p")!;
      const draw = async (element: Element) => {
        element.scrollIntoView();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      };
      await draw(upper);
      const across = gap(upper, cut.firstElementChild!);
      await draw(inside);
      return { across, inside: gap(inside.previousElementSibling!, inside) };
    });
    expect(gaps.inside).toBeGreaterThan(10);
    expect(Math.abs(gaps.across - gaps.inside)).toBeLessThan(0.5);
    await page.close();
  });
});

describe("a section cut into parts before a cell or a widget that follows text", () => {
  it("keeps the gap above the cell or widget its own top margin, or the paragraph's where that is larger, within a pixel", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl("your-own-autograd/"), { waitUntil: "load" });
    // Every part drawn, so each boundary is measured as laid out.
    await page.addStyleTag({ content: ".chapter-part { content-visibility: visible !important; }" });
    const boundaries = await page.evaluate(() => {
      const shown = (part: Element, end: "first" | "last") => {
        const children = [...part.children].filter((child) => !["SCRIPT", "STYLE"].includes(child.tagName));
        return end === "first" ? children[0] : children.at(-1);
      };
      return [...document.querySelectorAll(".chapter-part + .chapter-part")].flatMap((part) => {
        const upper = shown(part.previousElementSibling!, "last")!;
        const lower = shown(part, "first")!;
        if (!["P", "UL", "OL"].includes(upper.tagName) || ["P", "H2", "H3"].includes(lower.tagName)) return [];
        const gap = lower.getBoundingClientRect().top - upper.getBoundingClientRect().bottom;
        // What the two margins collapse to on one page, where one of them is dropped: the larger.
        const expected = Math.max(parseFloat(getComputedStyle(lower).marginTop), parseFloat(getComputedStyle(upper).fontSize));
        return [{ what: `${upper.tagName} > ${lower.tagName}`, gap: Math.round(gap), expected: Math.round(expected) }];
      });
    });
    expect(boundaries.length).toBeGreaterThan(3);
    for (const { what, gap, expected } of boundaries) expect(Math.abs(gap - expected), what).toBeLessThanOrEqual(1);
    await page.close();
  });
});

describe("a chapter rendered on approach, on a phone", () => {
  it("renders a part when the reader scrolls to it, without moving what is on screen, down to the end of the page", async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.addInitScript(recordLayoutShifts);
    await page.goto(pageUrl("gradient-descent/"), { waitUntil: "networkidle" });
    expect((await renderedParts(page)).filter((rendered) => !rendered).length).toBeGreaterThan(5);
    // Down the page a screen at a time, as a reader flicks through it.
    for (let step = 0; step < 200; step += 1) {
      const atEnd = await page.evaluate(() => {
        scrollBy(0, innerHeight * 0.8);
        return innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
      });
      await page.waitForTimeout(60);
      if (atEnd) break;
    }
    await page.waitForTimeout(300);
    expect((await renderedParts(page)).at(-1)).toBe(true);
    const shifts = await layoutShifts(page);
    expect(sumShifts(shifts), JSON.stringify(shifts)).toBeLessThan(0.02);
    // At the end the progress bar is full; back up at a section, the contents mark it.
    await expect.poll(() => page.locator("reading-progress").evaluate((bar) => Number((bar as HTMLElement).style.getPropertyValue("--progress")))).toBeGreaterThan(0.98);
    const section = "momentum-remembering-the-last-step";
    await page.locator(`[id="${section}"]`).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await expect.poll(() => page.locator(`.toc a[aria-current="location"]`).getAttribute("href")).toBe(`#${section}`);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("lands a link to a section far down on its heading, and keeps it there while the section draws", async () => {
    const page = await context.newPage();
    const section = "all-the-data-some-of-it-or-one-example-at-a-time";
    await page.goto(pageUrl(`gradient-descent/#${section}`), { waitUntil: "networkidle" });
    const heading = page.locator(`[id="${section}"]`);
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(-5);
    await page.waitForTimeout(500);
    const box = (await heading.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(-5);
    expect(box.y).toBeLessThan(300);
    await page.close();
  });

  it("finds text of a part that is not rendered yet with find in page", async () => {
    const page = await context.newPage();
    await page.goto(pageUrl("gradient-descent/"), { waitUntil: "load" });
    expect((await renderedParts(page)).at(-1)).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { find: (text: string) => boolean }).find("Robbins and Sutton Monro"))).toBe(true);
    await page.close();
  });

  it("fetches a font used only far down (KaTeX's calligraphic letters) when the reader gets there, not before", async () => {
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith(".woff2")) fonts.push(request.url());
    });
    await page.goto(pageUrl("gradient-descent/"), { waitUntil: "networkidle" });
    await page.waitForTimeout(500);
    expect(fonts.length).toBeGreaterThan(2);
    expect(fonts.filter((url) => url.includes("KaTeX_Caligraphic"))).toEqual([]);
    await page.locator('[id="all-the-data-some-of-it-or-one-example-at-a-time"]').scrollIntoViewIfNeeded();
    await page.locator(".katex .mathcal").first().scrollIntoViewIfNeeded();
    await expect.poll(() => fonts.filter((url) => url.includes("KaTeX_Caligraphic")).length).toBe(1);
    await page.close();
  });
});

describe("saved pictures", () => {
  /** Opens a chapter, recording every address it asks for and every problem it reports. */
  async function openRecording(path: string): Promise<{ page: Page; watch: ReturnType<typeof watchPage>; fetched: string[] }> {
    const page = await context.newPage();
    const watch = watchPage(page);
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(request.url()));
    await page.goto(pageUrl(path), { waitUntil: "networkidle" });
    return { page, watch, fetched };
  }

  it("the digit widget's weight picture is a same-origin file fetched only when the reader nears it, in a box of its final size", async () => {
    const { page, fetched } = await openRecording("real-data/");
    const picture = page.locator("img.digits-weights");
    expect(await picture.getAttribute("data-saved-src")).toMatch(new RegExp(`^${basePath}_astro/saved-[0-9a-f]{12}\\.png$`));
    expect(await picture.getAttribute("fetchpriority")).toBe("low");
    expect(await picture.getAttribute("src")).toBeNull();
    expect(fetched.filter((url) => /saved-[0-9a-f]{12}\.png$/.test(url))).toEqual([]);
    const before = await picture.evaluate((img) => [img.getAttribute("width"), img.getAttribute("height"), img.getBoundingClientRect().height]);
    expect(before.slice(0, 2)).toEqual(["178", "148"]);
    await flickTo(page, picture);
    await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    // Fetched once; the widget's other pictures, a screen away at most, come with it.
    const file = (await picture.getAttribute("data-saved-src"))!;
    expect(fetched.filter((url) => url.endsWith(file))).toHaveLength(1);
    expect(await picture.evaluate((img) => img.getBoundingClientRect().height)).toBe(before[2]);
    await page.close();
  });

  it("a widget's large saved figure is fetched only when the reader nears it, and fills its box without moving it", async () => {
    const { page, watch, fetched } = await openRecording("gradient-descent/");
    const figure = page.locator("gd-surface-descent [data-figure] > svg");
    expect(await figure.getAttribute("data-saved-src")).toMatch(new RegExp(`^${basePath}_astro/figure-[0-9a-f]{12}\\.svg$`));
    expect(await figure.evaluate((svg) => svg.childElementCount)).toBe(0);
    expect(fetched.filter((url) => url.endsWith(".svg") && url.includes("/figure-"))).toEqual([]);
    await flickTo(page, figure);
    const before = await figure.evaluate((svg) => svg.getBoundingClientRect().height);
    expect(before).toBeGreaterThan(150);
    await expect.poll(() => figure.locator(".gd-path-line path").count()).toBeGreaterThan(0);
    expect(await figure.locator("image").count()).toBe(1);
    expect(await figure.evaluate((svg) => svg.getBoundingClientRect().height)).toBe(before);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("real-data's small pictures far down the chapter (its cell's strip of digits, the widget's wrongly read digits) are files fetched only as the reader nears them", async () => {
    const { page, watch, fetched } = await openRecording("real-data/");
    const strip = page.locator("nb-cell .nb-out-figure > svg[data-saved-src]");
    const wrong = page.locator("ul.digits-wrong img");
    expect(await strip.count()).toBe(1);
    expect(await strip.evaluate((svg) => svg.childElementCount)).toBe(0);
    expect(await wrong.count()).toBe(8);
    expect(await wrong.evaluateAll((images) => images.filter((img) => img.getAttribute("src") !== null || !img.hasAttribute("data-saved-src")).length)).toBe(0);
    expect(fetched.filter((url) => /\/(saved|figure)-[0-9a-f]{12}\.(png|svg)$/.test(url))).toEqual([]);
    await flickTo(page, strip);
    await expect.poll(() => strip.locator("image").count()).toBe(1);
    expect(await strip.locator("image").getAttribute("href")).toMatch(/^data:image\/png;base64,/);
    await flickTo(page, wrong.first());
    await expect.poll(() => wrong.evaluateAll((images) => images.filter((img) => (img as HTMLImageElement).naturalWidth === 28).length)).toBe(8);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("shows the saved figure without scripts, from the same file", async () => {
    const still = await launchBrowser({ viewport: phone, javaScriptEnabled: false });
    const page = await still.newPage();
    await page.goto(pageUrl("gradient-descent/"), { waitUntil: "load" });
    const box = page.locator("gd-surface-descent [data-figure]");
    expect(await box.locator("svg[data-saved-src]").evaluate((svg) => getComputedStyle(svg).display)).toBe("none");
    const picture = box.locator("noscript img");
    const width = Number(await box.locator("svg[data-saved-src]").getAttribute("width"));
    await picture.scrollIntoViewIfNeeded();
    await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(width);
    expect(await picture.getAttribute("alt")).toMatch(/surface/i);
    await still.close();
  });

  it("without scripts, narrows a moved drawing's picture to its column on a phone, as the drawing itself would be", async () => {
    const still = await launchBrowser({ viewport: phone, javaScriptEnabled: false });
    const page = await still.newPage();
    await page.goto(pageUrl("real-data/"), { waitUntil: "load" });
    const picture = page.locator("nb-cell .nb-out-figure noscript img");
    await picture.scrollIntoViewIfNeeded();
    await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(672);
    const { shown, column } = await picture.evaluate((img) => ({
      shown: [img.clientWidth, img.clientHeight],
      column: img.closest(".nb-output")!.clientWidth,
    }));
    expect(shown[0]).toBeLessThanOrEqual(column);
    expect(shown[0]).toBeLessThan(672);
    expect(Math.abs(shown[1] / shown[0] - 76 / 672)).toBeLessThan(0.01);
    await still.close();
  });
});
