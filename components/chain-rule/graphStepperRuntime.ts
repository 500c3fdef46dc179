/**
 * The live half of <graph-stepper> (Plot, KaTeX), loaded on the reader's first touch: it rebuilds
 * the expression when a bound param changes, and walks the backward pass one arrow at a time.
 */
import katex from "katex";
import { traceGraph, type TracedGraph } from "../../src/engine/index.ts";
import type { WidgetContext, WidgetController } from "../kit/lazyWidget";
import type { BoundParams } from "../kit/boundParams";
import { DESCRIPTIONS, buildExpression, isExpressionName, type ExpressionName, type InputName } from "./expressions.ts";
import { readInputs, type StepperRole } from "./stepperBinding.ts";
import { ExpressionError, parseExpression } from "./parseExpression.ts";
import { layoutGraph, type GraphLayout } from "./graphLayout.ts";
import { chooseOrientation, renderGraphFigure } from "./graphFigure.ts";
import type { FixedGraph } from "./scalarGraph.ts";
import { describeStateTeX, describeStateText, findBackwardState, formatStepNumber, listArrowSteps, nameNode, type ArrowStep } from "./backwardSteps.ts";
import { pageStrings } from "../../src/i18n/strings";

const PLAY_INTERVAL_MS = 900; // long enough to read the formula that changed

/** What the stepper shows: a built-in expression, or the one typed in its field. */
type Shown = ExpressionName | "your own";

/** Takes over the element; a stepper built for a cell's output (data-eager) says at once where it stands. */
export function start(element: HTMLElement, { params }: WidgetContext<StepperRole>): WidgetController<StepperRole> {
  const stepper = new GraphStepperController(element, params);
  return {
    action: (name) => (name === "draw" ? stepper.rebuild("typed") : stepper.act(name)),
    press: (key) => stepper.press(key),
    paramsChanged: () => stepper.rebuild("params"),
  };
}

/** Drives one stepper element. */
class GraphStepperController {
  private readonly element: HTMLElement;
  private readonly params: BoundParams<StepperRole>;
  private expression: Shown = "fan-out";
  private readonly s = pageStrings();
  private graph!: TracedGraph;
  private arrows: ArrowStep[] = [];
  private layout!: GraphLayout;
  private applied = 0;
  private playing = false;
  private lastTick = 0;
  private drawnWidth = 0;
  private formula = "";

  constructor(element: HTMLElement, params: BoundParams<StepperRole>) {
    this.element = element;
    this.params = params;
    const initial = element.dataset.expression;
    if (isExpressionName(initial)) this.expression = initial;
    new ResizeObserver(() => {
      if (Math.abs(this.figure().clientWidth - this.drawnWidth) > 24) this.draw();
    }).observe(this.figure());
    this.rebuild("start");
  }

  /** A control button: reset, back, next or play. */
  act(action: string): void {
    if (action === "reset") this.go(0);
    else if (action === "back") this.go(this.applied - 1);
    else if (action === "next") this.go(this.applied + 1);
    else if (action === "play") this.togglePlay();
  }

  /** A key pressed on the figure: → ↓ next, ← ↑ back, Home and End the ends. */
  press(key: string): void {
    const target = { ArrowRight: this.applied + 1, ArrowDown: this.applied + 1, ArrowLeft: this.applied - 1, ArrowUp: this.applied - 1, Home: 0, End: this.arrows.length }[key];
    if (target !== undefined) this.go(target);
  }

  private figure(): HTMLElement {
    return this.element.querySelector<HTMLElement>("[data-gs-figure]")!;
  }

  // A stepper that binds `expression` follows the page's choice of graph; the others keep theirs.
  private readChoice(): Shown {
    if (!this.params.roles.includes("expression")) return this.expression;
    const chosen = this.params.value("expression");
    return chosen === "your own" || isExpressionName(chosen) ? chosen : this.expression;
  }

  /** The form for the reader's own expression, written from its template (GraphStepper.astro) the first time it is `wanted`. */
  private ownForm(wanted: boolean): HTMLFormElement | null {
    const template = this.element.querySelector<HTMLTemplateElement>("template[data-gs-own-template]");
    if (wanted && template) template.replaceWith(template.content.cloneNode(true));
    return this.element.querySelector<HTMLFormElement>("form[data-gs-own]");
  }

  /** Re-reads the params (and the typed expression) and redraws. */
  rebuild(reason: "start" | "params" | "typed"): void {
    const expression = this.readChoice();
    const inputs = readInputs(this.params.values());
    const form = this.ownForm(expression === "your own");
    if (form) form.hidden = expression !== "your own";
    let graph: TracedGraph;
    let description: { formula: string; model: string; activation: string; loss: string; inputs: InputName[] };
    const fixed = this.element.dataset.traced;
    if (fixed) {
      ({ graph, ...description } = { ...(JSON.parse(fixed) as FixedGraph), inputs: [] });
    } else if (expression === "your own") {
      const field = form!.querySelector<HTMLInputElement>("input")!;
      try {
        graph = traceGraph(parseExpression(field.value, inputs, this.s));
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        field.setAttribute("aria-invalid", "true");
        this.say(this.s.csCannotDraw({ expression: field.value, error: error.message, at: error.at + 1 }));
        return;
      }
      field.removeAttribute("aria-invalid");
      const used = (Object.keys(inputs) as InputName[]).filter((name) => graph.nodes.some((node) => node.label === name && node.op === ""));
      description = { formula: `${graph.nodes[graph.nodes.length - 1].label} = ${field.value}`, model: "your expression", activation: "as written", loss: "none (the output is the expression)", inputs: used };
    } else {
      graph = traceGraph(buildExpression(expression, inputs));
      description = DESCRIPTIONS[expression];
    }
    const changedExpression = expression !== this.expression || reason === "typed";
    this.expression = expression;
    this.graph = graph;
    this.arrows = listArrowSteps(this.graph);
    this.layout = layoutGraph(this.graph);
    this.formula = description.formula;
    if (changedExpression) this.applied = 0;
    this.applied = Math.min(this.applied, this.arrows.length);
    this.element.querySelector("[data-gs-formula]")!.textContent = description.formula;
    const phrase = (text: string) => this.s.csPhrase({ text });
    this.element.querySelector("[data-gs-model]")!.textContent = this.s.csModelLine({ model: phrase(description.model), activation: phrase(description.activation), loss: phrase(description.loss) });
    if (!fixed) this.element.querySelector("[data-gs-inputs]")!.textContent = this.s.csInputs({ inputs: description.inputs.map((name) => `${name} = ${formatStepNumber(inputs[name]!)}`).join(this.s.dlListComma) || this.s.labNone });
    this.draw();
    if (reason === "start" && this.element.dataset.eager !== undefined) this.say(this.describe());
    if (reason !== "start") {
      const output = this.graph.nodes[this.graph.nodes.length - 1];
      const what = changedExpression ? this.s.csNowShowing({ formula: description.formula }) : this.s.csInputsChanged;
      this.say(this.s.csChanged({ what, node: nameNode(output), value: formatStepNumber(output.data), step: this.describe() }));
    }
  }

  private go(applied: number): void {
    const next = Math.max(0, Math.min(this.arrows.length, applied));
    if (next === this.arrows.length || next < this.applied) this.stopPlaying();
    this.applied = next;
    this.draw();
    this.say(this.describe());
  }

  private describe(): string {
    const broken = this.graph.nodes.find((node) => !Number.isFinite(node.data) || !Number.isFinite(node.grad));
    if (broken) return this.s.csNodeNotFinite({ node: nameNode(broken), value: String(broken.data), grad: String(broken.grad) });
    return describeStateText(this.graph, findBackwardState(this.graph, this.arrows, this.applied), this.arrows.length, this.s);
  }

  private draw(): void {
    const state = findBackwardState(this.graph, this.arrows, this.applied);
    const figure = this.figure();
    this.drawnWidth = figure.clientWidth;
    const orientation = chooseOrientation(this.layout, Math.max(200, figure.clientWidth));
    const svg = renderGraphFigure({ graph: this.graph, layout: this.layout, arrows: this.arrows, state, orientation, title: this.formula, strings: this.s });
    figure.replaceChildren(svg);
    figure.dataset.applied = String(state.applied);
    katex.render(describeStateTeX(this.graph, state, this.s), this.element.querySelector<HTMLElement>("[data-gs-tex]")!, { displayMode: true, throwOnError: false });
    this.element.querySelector("[data-gs-counter]")!.textContent = this.s.csCounter({ step: state.applied, total: this.arrows.length });
    this.element.querySelector<HTMLButtonElement>("[data-action=back]")!.disabled = state.applied === 0;
    this.element.querySelector<HTMLButtonElement>("[data-action=next]")!.disabled = state.applied === this.arrows.length;
  }

  private say(text: string): void {
    this.element.querySelector("[data-gs-status]")!.textContent = text;
  }

  private togglePlay(): void {
    if (this.playing) {
      this.stopPlaying();
      return;
    }
    if (this.applied === this.arrows.length) this.go(0);
    this.playing = true;
    this.lastTick = performance.now();
    this.setPlayButton();
    const tick = (now: number) => {
      if (!this.playing) return;
      // One cheap step at most per frame; the interval, not the frame rate, sets the pace.
      if (now - this.lastTick >= PLAY_INTERVAL_MS) {
        this.lastTick = now;
        this.go(this.applied + 1);
      }
      if (this.playing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  private stopPlaying(): void {
    if (!this.playing) return;
    this.playing = false;
    this.setPlayButton();
  }

  private setPlayButton(): void {
    const button = this.element.querySelector<HTMLButtonElement>("[data-action=play]")!;
    button.textContent = this.playing ? this.s.trainPause : this.s.trainPlay;
    button.setAttribute("aria-pressed", String(this.playing));
  }
}
