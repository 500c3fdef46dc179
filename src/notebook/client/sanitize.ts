/**
 * Turns outputs into the page's DOM. Every kind but a figure is escaped text in markup the page
 * writes itself (render.ts); a figure's markup comes from reader code in the worker, so it is
 * parsed inertly and only what figurePolicy.ts allows is kept. Nothing is serialised again after
 * the check, so what was checked is what is inserted.
 */
import type { GraphOutput, Output } from "../outputs";
import { orderForDisplay, renderGraphTable, renderOutput, renderScrolling } from "../render";
import { allowedAttribute, isAllowedElement } from "../figurePolicy";
import { pageNotebookStrings } from "../../i18n/notebookStrings";

/** Parses figure markup inertly and keeps only allow-listed elements, attributes and values. */
export function sanitizeFigure(markup: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = markup; // template content is inert: nothing loads or runs here
  const fragment = template.content;
  cleanChildren(fragment);
  return fragment;
}

function cleanChildren(parent: ParentNode): void {
  for (const child of [...parent.childNodes]) {
    if (child.nodeType === Node.TEXT_NODE) continue;
    if (child.nodeType !== Node.ELEMENT_NODE) {
      child.remove(); // comments, processing instructions, CDATA
      continue;
    }
    const element = child as Element;
    if (!isAllowedElement(element.localName, element.namespaceURI)) {
      element.remove();
      continue;
    }
    for (const attribute of [...element.attributes]) {
      const kept = allowedAttribute(attribute.name, attribute.value, element.namespaceURI);
      if (kept === undefined) element.removeAttributeNode(attribute);
      else if (kept !== attribute.value) attribute.value = kept;
    }
    cleanChildren(element);
  }
}

/** A cell's outputs as DOM: the checker's verdict first, then the rest in order, figures cleaned. */
export function drawOutputs(outputs: readonly Output[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const template = document.createElement("template");
  for (const output of orderForDisplay(outputs)) {
    if (output.type === "graph") {
      fragment.append(drawGraph(output));
    } else if (output.type === "figure") {
      fragment.append(drawFigure(output.markup, output.phoneMarkup, output.phoneScrolls === true));
    } else {
      template.innerHTML = renderOutput(output, pageNotebookStrings()); // escaped text in the page's own markup
      fragment.append(template.content);
    }
  }
  return fragment;
}

// The same frame render.ts writes at build time: one figure, or its wide and phone copies side by side for notebook.css to pick from.
function drawFigure(markup: string, phoneMarkup: string | undefined, phoneScrolls: boolean): HTMLElement {
  const frame = document.createElement("div");
  frame.className = "nb-out nb-out-figure";
  if (phoneMarkup === undefined) {
    frame.append(sanitizeFigure(markup));
    return frame;
  }
  frame.classList.add("nb-out-sized");
  const wide = Object.assign(document.createElement("div"), { className: "nb-figure-wide" });
  const phone = Object.assign(document.createElement("div"), { className: "nb-figure-phone" });
  wide.append(sanitizeFigure(markup));
  if (phoneScrolls) {
    // The frame is the page's own markup (render.ts); only the figure inside it comes from the worker.
    const template = document.createElement("template");
    template.innerHTML = renderScrolling("", pageNotebookStrings());
    template.content.querySelector(".nb-figure-scroll")!.append(sanitizeFigure(phoneMarkup));
    phone.append(template.content);
  } else {
    phone.append(sanitizeFigure(phoneMarkup));
  }
  frame.append(wide, phone);
  return frame;
}

// A graph is data, never markup: the stepper is built from it with textContent, and its code loads now, as the reader has just run the cell.
function drawGraph(output: GraphOutput): HTMLElement {
  const frame = document.createElement("div");
  frame.className = "nb-out nb-out-graph";
  import("../../../components/chain-rule/liveStepper.ts")
    .then(async ({ createLiveStepper }) => {
      await import("../../../components/chain-rule/graphStepperElement.ts");
      frame.append(createLiveStepper(output));
    })
    .catch((error: unknown) => {
      // The numbers are still worth reading: show them as the build saves them (escaped, page-written markup).
      const note = document.createElement("p");
      note.textContent = pageNotebookStrings().nbStepperLoadFailed({ error: error instanceof Error ? error.message : String(error) });
      const table = document.createElement("template");
      table.innerHTML = renderGraphTable(output, pageNotebookStrings());
      frame.replaceChildren(note, table.content);
    });
  return frame;
}
