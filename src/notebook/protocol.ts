/**
 * Messages between the page and the kernel worker. The page sends `run`; the worker answers
 * `started` when the reader's code begins (the time limit counts from there, not from loading)
 * and `result` when it ends. Anything else from the worker is ignored.
 */
import type { RunRequest, RunResult } from "./kernel";
import { isOutput } from "./outputs";

/** Page → worker: run one cell. */
export interface RunMessage {
  type: "run";
  id: number;
  request: RunRequest;
}

/** Worker → page: the reader's code has started. */
export interface StartedMessage {
  type: "started";
  id: number;
}

/** Worker → page: the cell finished, with its outputs. */
export interface ResultMessage {
  type: "result";
  id: number;
  result: RunResult;
}

/** Anything the worker may send. */
export type KernelReply = StartedMessage | ResultMessage;

/** Checks a message from the worker; reader code can post too, so nothing is trusted by shape alone. */
export function parseKernelReply(data: unknown): KernelReply | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (typeof message.id !== "number") return undefined;
  if (message.type === "started") return { type: "started", id: message.id };
  if (message.type !== "result") return undefined;
  const result = message.result as Record<string, unknown> | undefined;
  if (!result || typeof result.ok !== "boolean" || !Array.isArray(result.outputs) || !result.outputs.every(isOutput)) return undefined;
  return { type: "result", id: message.id, result: { ok: result.ok, outputs: result.outputs } };
}

/** Checks a message from the page. */
export function parseRunMessage(data: unknown): RunMessage | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const message = data as Record<string, unknown>;
  const request = message.request as Record<string, unknown> | undefined;
  if (message.type !== "run" || typeof message.id !== "number" || !request || typeof request.source !== "string") return undefined;
  return message as unknown as RunMessage;
}
