/**
 * Messages between the page and the kernel worker. The page sends `run`; the worker answers
 * `started` when the reader's code begins and `result` when it ends. The page reads a reply's id
 * before anything else, and a result's outputs only within the output limits.
 *
 * The kernel cannot reach the network, so a cell that imports chapter 7's digits makes the worker
 * send `digits`, a request that names nothing: the page fetches its one fixed file and answers with
 * a `digits` message of its own. No field of the request is read, so it cannot point anywhere else.
 */
import type { RunRequest, RunResult } from "./kernel";
import type { DigitSet } from "../data/digits";
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

/** Worker → page: the running cell asks for the digits (the page decides what that means: one fixed file). */
export interface DigitsRequestMessage {
  type: "digits";
  id: number;
}

/** Page → worker: the digits for the running cell, or why they could not be loaded; no `digits` when this worker has them already. */
export interface DigitsMessage {
  type: "digits";
  id: number;
  digits?: DigitSet;
  error?: string;
}

/** Anything the worker may send. */
export type KernelReply = StartedMessage | ResultMessage | DigitsRequestMessage;

/** Anything the page may send. */
export type PageMessage = RunMessage | DigitsMessage;

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
  if (message.type === "digits") return { type: "digits", id };
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

/** Checks a digits answer from the page (worker side). */
export function parseDigitsMessage(data: unknown): DigitsMessage | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.type !== "digits" || typeof message.id !== "number") return undefined;
  return message as unknown as DigitsMessage;
}
