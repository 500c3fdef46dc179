/** The Play/Pause loop a training widget runs: one slice of work per animation frame, so the page stays responsive. */
export interface PlayLoop {
  play(): void;
  pause(): void;
  readonly playing: boolean;
}

/** What the loop asks of its widget. */
export interface PlayLoopWork {
  /** Whether there is anything to play (a run that has not diverged). */
  canPlay(): boolean;
  /** One frame's work; false stops the loop (the work pauses and says why itself). */
  frame(): boolean;
}

/** The button's two labels, in the page's language. */
export interface PlayLoopLabels {
  play: string;
  pause: string;
}

/** A loop driving `work` whose state `button` shows: its label says what a press does, aria-pressed whether it runs. */
export function createPlayLoop(button: HTMLButtonElement, work: PlayLoopWork, labels: PlayLoopLabels = { play: "Play", pause: "Pause" }): PlayLoop {
  let playing = false;
  let handle = 0;
  const tick = (): void => {
    if (playing && work.frame()) handle = requestAnimationFrame(tick);
  };
  return {
    play(): void {
      if (playing || !work.canPlay()) return;
      playing = true;
      button.textContent = labels.pause;
      button.setAttribute("aria-pressed", "true");
      handle = requestAnimationFrame(tick);
    },
    pause(): void {
      playing = false;
      button.textContent = labels.play;
      button.setAttribute("aria-pressed", "false");
      cancelAnimationFrame(handle);
    },
    get playing(): boolean {
      return playing;
    },
  };
}
