/**
 * The live half of <bp-number>, one number of the worked example in the prose: keeps its tooltip
 * inside the window. Its value is kept current by the diagram's store (showExampleInProse).
 */
import type { WidgetController } from "../kit/lazyWidget";
import { describeRecord, formatExampleNumber } from "./exampleNumberText";
import { pageStrings } from "../../src/i18n/strings";
import type { ExampleState } from "./workedExampleStore";

/** Places the element's tooltip below its value with fixed positioning, so it escapes a scrolling table. */
export function start(element: HTMLElement): WidgetController {
  const value = element.querySelector<HTMLElement>(".widget-tip-value")!;
  const tip = element.querySelector<HTMLElement>(".widget-tip")!;
  const place = () => {
    const box = value.getBoundingClientRect();
    tip.style.position = "fixed";
    tip.style.top = `${box.bottom + 6}px`;
    tip.style.left = `${Math.max(8, box.left)}px`;
    const overflow = tip.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tip.style.left = `${Math.max(8, box.left - overflow)}px`;
  };
  const shown = () => value.matches(":focus") || element.matches(":hover");
  value.addEventListener("focus", place);
  element.addEventListener("pointerenter", place);
  window.addEventListener("scroll", () => shown() && place(), { passive: true });
  if (shown()) place(); // the touch that loaded this module
  return {};
}

/** Returns the view that writes every <bp-number> of the page from the example, marking those that differ from the saved page. */
export function showExampleInProse(): (state: ExampleState) => void {
  const numbers = [...document.querySelectorAll<HTMLElement>("bp-number")].map((element) => ({
    element,
    value: element.querySelector<HTMLElement>(".widget-tip-value")!,
    tip: element.querySelector<HTMLElement>(".widget-tip")!,
    saved: element.querySelector<HTMLElement>(".widget-tip-value")!.textContent,
  }));
  return ({ records }) => {
    for (const { element, value, tip, saved } of numbers) {
      const record = records[element.dataset.name ?? ""];
      if (!record) continue;
      const text = formatExampleNumber(record.value);
      value.textContent = text;
      element.toggleAttribute("data-changed", text !== saved);
      tip.textContent = describeRecord(record, pageStrings());
    }
  };
}
