/**
 * Messages between the page and the kernel worker. The page sends `run`; the worker answers
 * `started` when the reader's code begins and `result` when it ends. The page reads a reply's id
 * before anything else, and a result's outputs only within the output limits.
 */
import type { RunRequest, RunResult } from "./kernel";
import { capOutputs, isOutput, OUTPUT_LIMITS } from "./outputs";

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

/** A reply's id, read without looking at the rest of it: the cheap check that comes first. */
export function replyId(data: unknown): number | undefined {
  if (typeof data !== "object" || data === null || !Object.hasOwn(data, "id")) return undefined;
  const id = (data as { id: unknown }).id;
  return typeof id === "number" ? id : undefined;
}

/** Checks a message from the worker; reader code can post too, so nothing is trusted by shape alone. */
export function parseKernelReply(data: unknown): KernelReply | undefined {
  const id = replyId(data);
  if (id === undefined) return undefined;
  const message = data as Record<string, unknown>;
  if (message.type === "started") return { type: "started", id };
  if (message.type !== "result") return undefined;
  const result = message.result as Record<string, unknown> | undefined;
  // The kernel never sends more than the limit plus its closing lines; a longer list is forged.
  if (!result || typeof result.ok !== "boolean" || !Array.isArray(result.outputs) || result.outputs.length > OUTPUT_LIMITS.count + 3) return undefined;
  if (!result.outputs.every(isOutput)) return undefined;
  return { type: "result", id, result: { ok: result.ok, outputs: capOutputs(result.outputs) } };
}

/** Checks a message from the page. */
export function parseRunMessage(data: unknown): RunMessage | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const message = data as Record<string, unknown>;
  const request = message.request as Record<string, unknown> | undefined;
  if (message.type !== "run" || typeof message.id !== "number" || !request || typeof request.source !== "string") return undefined;
  return message as unknown as RunMessage;
}
