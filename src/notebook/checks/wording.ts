/**
 * One voice for every checker's message: each sentence starts with a capital letter. Checkers
 * build messages from parts ("… gives −1.3826" + "you used 1 − x²"), so the capital is put in
 * once, here, where a plain lowercase word starts a sentence; names of code (gradW, mulBackward,
 * w, delta[j]) are left exactly as written.
 */
import type { Checker } from "./types";
import { en } from "../../i18n/en";
import { formatNumber as formatKitNumber } from "../../../components/kit/formatNumber";

// A word of two or more lowercase letters at the start or after . ! ?, followed by a space or punctuation.
const SENTENCE_START = /(^|[.!?]\s+)([a-z]{2,})(?=[\s,:;]|$)/g;

/** Capitalises the first plain word of each sentence. */
export function toSentenceCase(message: string): string {
  return message.replace(SENTENCE_START, (_, before: string, word: string) => before + word[0].toUpperCase() + word.slice(1));
}

/** The same checker, its messages in sentence case. */
export function inSentenceCase(checker: Checker): Checker {
  // Chinese has no capitals; only English sentences get them.
  return (scope, s = en) => {
    const result = checker(scope, s);
    return s === en ? { ...result, message: toSentenceCase(result.message) } : result;
  };
}

/** A number as a message shows it: the kit's rule at six significant digits, enough to compare and short enough to read. */
export function formatNumber(value: unknown): string {
  return typeof value === "number" ? formatKitNumber(value, { digits: 6, exponents: false }) : String(value);
}
