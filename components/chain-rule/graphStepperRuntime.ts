/**
 * <graph-stepper>: the browser half of GraphStepper. It rebuilds the expression when a page param
 * changes, and walks the backward pass with the buttons, ←/→/Home/End on the figure, or Play.
 */
import katex from "katex";
import { traceGraph, type TracedGraph } from "../../src/engine/index.ts";
import { readParams, watchParams } from "../../src/notebook/client/paramStore.ts";
import { DEFAULT_INPUTS, DESCRIPTIONS, buildExpression, isExpressionName, type ExpressionName, type Inputs } from "./expressions.ts";
import { ExpressionError, parseExpression } from "./parseExpression.ts";
import { layoutGraph, type GraphLayout } from "./graphLayout.ts";
import { chooseOrientation, renderGraphFigure } from "./graphFigure.ts";
import { describeStateTeX, describeStateText, findBackwardState, formatNumber, listArrowSteps, nameNode, type ArrowStep } from "./backwardSteps.ts";

const PLAY_INTERVAL_MS = 900; // long enough to read the formula that changed

/** What the stepper shows: a built-in expression, or the one typed in its field. */
type Shown = ExpressionName | "your own";

class GraphStepperElement extends HTMLElement {
  private expression: Shown = "fan-out";
  private graph!: TracedGraph;
  private arrows: ArrowStep[] = [];
  private layout!: GraphLayout;
  private applied = 0;
  private playing = false;
  private lastTick = 0;
  private drawnWidth = 0;
  private formula = "";

  connectedCallback(): void {
    if (this.graph) return;
    const initial = this.dataset.expression;
    if (isExpressionName(initial)) this.expression = initial;
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-gs-action]")?.dataset.gsAction;
      if (action === "reset") this.go(0);
      else if (action === "back") this.go(this.applied - 1);
      else if (action === "next") this.go(this.applied + 1);
      else if (action === "play") this.togglePlay();
    });
    this.figure().addEventListener("keydown", (event) => {
      const target = { ArrowRight: this.applied + 1, ArrowDown: this.applied + 1, ArrowLeft: this.applied - 1, ArrowUp: this.applied - 1, Home: 0, End: this.arrows.length }[event.key];
      if (target === undefined) return;
      event.preventDefault();
      this.go(target);
    });
    this.querySelector("[data-gs-own]")?.addEventListener("submit", (event) => {
      event.preventDefault();
      this.rebuild("typed");
    });
    watchParams(() => this.rebuild("params"));
    new ResizeObserver(() => {
      if (Math.abs(this.figure().clientWidth - this.drawnWidth) > 24) this.draw();
    }).observe(this.figure());
    // The inline params register when <nb-param> is defined; read their values (maybe from the URL) after that.
    void customElements.whenDefined("nb-param").then(() => this.rebuild("start"));
  }

  private figure(): HTMLElement {
    return this.querySelector<HTMLElement>("[data-gs-figure]")!;
  }

  private readInputs(): { expression: Shown; inputs: Inputs } {
    const params = readParams();
    const inputs = { ...DEFAULT_INPUTS } as Inputs;
    for (const name of Object.keys(inputs) as (keyof Inputs)[]) {
      if (typeof params[name] === "number") inputs[name] = params[name] as number;
    }
    const follows = this.dataset.follows !== "false";
    const chosen = params.graph === "your own" || isExpressionName(params.graph) ? params.graph : this.expression;
    return { expression: follows ? chosen : this.expression, inputs };
  }

  private rebuild(reason: "start" | "params" | "typed"): void {
    const { expression, inputs } = this.readInputs();
    const form = this.querySelector<HTMLFormElement>("[data-gs-own]");
    if (form) form.hidden = expression !== "your own";
    let graph: TracedGraph;
    let description: { formula: string; model: string; activation: string; loss: string; inputs: (keyof Inputs)[] };
    if (expression === "your own") {
      const field = form!.querySelector<HTMLInputElement>("input")!;
      try {
        graph = traceGraph(parseExpression(field.value, inputs));
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        field.setAttribute("aria-invalid", "true");
        this.say(`Cannot draw "${field.value}": ${error.message} (at character ${error.at + 1}). The graph shown is the last one that could be drawn.`);
        return;
      }
      field.removeAttribute("aria-invalid");
      const used = (Object.keys(inputs) as (keyof Inputs)[]).filter((name) => graph.nodes.some((node) => node.label === name && node.op === ""));
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
    this.querySelector("[data-gs-formula]")!.textContent = description.formula;
    this.querySelector("[data-gs-model]")!.textContent = `Model: ${description.model}. Activation: ${description.activation}. Loss: ${description.loss}.`;
    this.querySelector("[data-gs-inputs]")!.textContent = `Inputs: ${description.inputs.map((name) => `${name} = ${formatNumber(inputs[name])}`).join(", ") || "none"}.`;
    this.draw();
    if (reason !== "start") {
      const output = this.graph.nodes[this.graph.nodes.length - 1];
      this.say(`${changedExpression ? `Now showing ${description.formula}` : "Inputs changed"}: ${nameNode(output)} = ${formatNumber(output.data)}. ${this.describe()}`);
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
    if (broken) return `Node ${nameNode(broken)} is not a finite number (value ${broken.data}, gradient ${broken.grad}), so its gradients cannot be trusted.`;
    return describeStateText(this.graph, findBackwardState(this.graph, this.arrows, this.applied), this.arrows.length);
  }

  private draw(): void {
    const state = findBackwardState(this.graph, this.arrows, this.applied);
    const figure = this.figure();
    this.drawnWidth = figure.clientWidth;
    const orientation = chooseOrientation(this.layout, Math.max(200, figure.clientWidth));
    const svg = renderGraphFigure({ graph: this.graph, layout: this.layout, arrows: this.arrows, state, orientation, title: this.formula });
    figure.replaceChildren(svg);
    figure.dataset.applied = String(state.applied);
    katex.render(describeStateTeX(this.graph, state), this.querySelector<HTMLElement>("[data-gs-tex]")!, { displayMode: true, throwOnError: false });
    this.querySelector("[data-gs-counter]")!.textContent = `step ${state.applied} of ${this.arrows.length}`;
    this.querySelector<HTMLButtonElement>("[data-gs-action=back]")!.disabled = state.applied === 0;
    this.querySelector<HTMLButtonElement>("[data-gs-action=next]")!.disabled = state.applied === this.arrows.length;
  }

  private say(text: string): void {
    this.querySelector("[data-gs-status]")!.textContent = text;
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
    const button = this.querySelector<HTMLButtonElement>("[data-gs-action=play]")!;
    button.textContent = this.playing ? "Pause" : "Play";
    button.setAttribute("aria-pressed", String(this.playing));
  }
}

if (!customElements.get("graph-stepper")) customElements.define("graph-stepper", GraphStepperElement);
