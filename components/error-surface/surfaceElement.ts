/**
 * <error-surface-widget>: a light shell around the figures saved at build time. The drawing code
 * (engine, Plot) loads on the reader's first touch; drags, keys and clicks made while it loads are
 * applied in order once it has, and a param changed in the prose redraws the surfaces.
 */
import { loadOnFirstTouch } from "../../src/notebook/client/loadOnFirstTouch.ts";
import { watchParams } from "../../src/notebook/client/paramStore.ts";
import type { SurfaceController } from "./surfaceRuntime.ts";

const MOVE_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home"]);

/** The page params each mode draws from. */
const PARAMS: Record<string, string[]> = { explorer: ["points", "flipped", "loss"], compare: ["points", "flipped"], shapes: ["curvature"] };

class ErrorSurfaceElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.shell) return;
    this.dataset.shell = "ready";
    const params = PARAMS[this.dataset.mode ?? "explorer"] ?? [];
    const load: () => Promise<SurfaceController> = loadOnFirstTouch(this, () => import("./surfaceRuntime.ts").then((runtime) => runtime.startSurfaceController(this)), { params });
    for (const host of this.querySelectorAll<HTMLElement>("[data-es-surface]")) this.followPointer(host, load);
    this.addEventListener("keydown", (event) => {
      const host = (event.target as HTMLElement).closest<HTMLElement>("[data-es-surface]");
      if (!host || !MOVE_KEYS.has(event.key)) return;
      event.preventDefault();
      const { key, shiftKey } = event;
      void load().then((controller) => controller.press(key, shiftKey));
    });
    this.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-es-action]")?.dataset.esAction;
      if (action) void load().then((controller) => controller.act(action));
    });
    watchParams((name) => {
      if (params.includes(name)) void load().then((controller) => controller.recompute());
    });
  }

  /** A drag on a surface: the shell captures the pointer at once, so a drag begun before the code has loaded still moves the point. */
  private followPointer(host: HTMLElement, load: () => Promise<SurfaceController>): void {
    host.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      host.focus();
      host.setPointerCapture(event.pointerId);
      const follow = ({ clientX, clientY }: PointerEvent) => void load().then((controller) => controller.pointAt(host, clientX, clientY));
      const end = () => {
        host.removeEventListener("pointermove", follow);
        void load().then((controller) => controller.announce());
      };
      follow(event);
      host.addEventListener("pointermove", follow);
      host.addEventListener("pointerup", end, { once: true });
      host.addEventListener("pointercancel", end, { once: true });
    });
  }
}

if (!customElements.get("error-surface-widget")) customElements.define("error-surface-widget", ErrorSurfaceElement);
