/**
 * <bp-number>: one number of the worked example, with a tooltip kept inside the window. The saved
 * value stands until the reader edits the example; exampleStore then loads the engine and updates it.
 */
import { watchExample } from "./exampleStore";
import { describeRecord, formatNumber } from "./exampleText";

class ExampleNumberElement extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const name = this.dataset.name ?? "";
    const value = this.querySelector<HTMLElement>(".bp-tip-value")!;
    const tip = this.querySelector<HTMLElement>(".bp-tip")!;
    const initial = value.textContent;
    watchExample(({ records }) => {
      const record = records[name];
      if (!record) return;
      const text = formatNumber(record.value);
      value.textContent = text;
      this.toggleAttribute("data-changed", text !== initial); // marks what differs from the saved page
      tip.textContent = describeRecord(record);
    });
    // Fixed positioning lets the tooltip escape a scrolling table; it is kept inside the window.
    const place = () => {
      const box = value.getBoundingClientRect();
      tip.style.position = "fixed";
      tip.style.top = `${box.bottom + 6}px`;
      tip.style.left = `${Math.max(8, box.left)}px`;
      const overflow = tip.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
      if (overflow > 0) tip.style.left = `${Math.max(8, box.left - overflow)}px`;
    };
    value.addEventListener("focus", place);
    this.addEventListener("pointerenter", place);
    window.addEventListener("scroll", () => {
      if (value.matches(":focus") || this.matches(":hover")) place();
    }, { passive: true });
  }
}

if (!customElements.get("bp-number")) customElements.define("bp-number", ExampleNumberElement);
