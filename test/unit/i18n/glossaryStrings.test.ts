// Issue #16: every chapter keeps to the glossary (术语表), and so do the widgets and the notebook. A Chinese string
// whose English counterpart (the same key of en.ts) names a glossary concept must use the glossary's Chinese term.
import { describe, expect, it } from "vitest";
import { en } from "../../../src/i18n/en";
import { zh } from "../../../src/i18n/zh";
import { GLOSSARY, type GlossaryTerm } from "../../../src/site/glossary";

/**
 * Strings where the English word is not the glossary's concept, each with the reason: key → English term.
 * Everything else that names a term must carry it.
 */
const NOT_THE_CONCEPT: Record<string, { term: string; why: string }> = {
  pgIfNegative: { term: "unit / neuron", why: "“per unit of |w|” is a unit of measure (每单位), not a neuron" },
  gdShrinkCaption: { term: "run", why: "“in the long run” is an idiom (从长远看), not running a cell" },
};

/** A table's strings, key by key: nested records flattened as `key.subkey`. */
function flatten(table: object, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(table)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) flatten(value, `${prefix}${key}.`, out);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

/** Slots that answer every name with the same value, so a string function can be read without real data. */
const anySlots = (value: unknown) => new Proxy({}, { get: (_target, name) => (name === Symbol.toPrimitive ? undefined : value) });

/** A string's words: the string itself, or a function of slots read with placeholder slots (a number, else text). */
function wordsOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value !== "function") return undefined;
  for (const placeholder of [2, "…"]) {
    try {
      const text = (value as (slots: unknown) => unknown)(anySlots(placeholder));
      if (typeof text === "string") return text;
    } catch {
      // A slot used in a way the placeholder cannot take; the other placeholder may.
    }
  }
  return undefined;
}

/** The English forms of a term as prose uses them: "activation (function)" → "activation function", "activation"; "delta δ" → "delta". */
function englishForms(term: GlossaryTerm): string[] {
  return term.en.split(" / ").flatMap((form) => [form.replace(/\s*\(([^)]*)\)/, " $1"), form.replace(/\s*\([^)]*\)/, ""), form.replace(/\s*[σδ]$/u, "")].map((f) => f.trim()));
}

/** The Chinese forms of a term: "激活（函数）" → "激活函数", "激活", "函数"; "误差项 δ" → "误差项 δ", "误差项". */
function chineseForms(term: GlossaryTerm): string[] {
  return term.zh.split(" / ").flatMap((form) => [form.replace(/[（）]/g, ""), form.replace(/（[^）]*）/g, ""), form.replace(/\s*[σδ]$/u, ""), ...(form.match(/（([^）]*)）/)?.slice(1) ?? [])].map((f) => f.trim()));
}

/** Where an English form appears as a word (a plural too) in a string, the matched text. */
function findEnglish(text: string, forms: string[]): string | undefined {
  for (const form of forms) {
    const match = text.match(new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\\b`, "i"));
    if (match) return match[0];
  }
  return undefined;
}

const TERMS = GLOSSARY.flatMap((group) => group.terms);
const english = flatten(en);
const chinese = flatten(zh);

/** Every Chinese string that names a glossary concept in English but not in Chinese: "key (term): English ⇒ Chinese". */
function strayTerms(english: Map<string, unknown>, chinese: Map<string, unknown>): string[] {
  const stray: string[] = [];
  for (const term of TERMS) {
    // A longer term holding this one (step → step function) may be what the string names: its Chinese counts too.
    const wider = TERMS.filter((other) => other !== term && englishForms(other).some((form) => findEnglish(form, englishForms(term)) !== undefined));
    const accepted = [term, ...wider].flatMap(chineseForms).filter((form) => form.length > 0);
    for (const [key, value] of english) {
      const en = wordsOf(value);
      const cn = wordsOf(chinese.get(key));
      if (en === undefined || cn === undefined) continue;
      const found = findEnglish(en, englishForms(term));
      if (found === undefined || NOT_THE_CONCEPT[key]?.term === term.en) continue;
      // A word kept in Latin letters in both (momentumStep(w, step, …), tanh, relu) is code or a name, not prose.
      if (cn.includes(found) || accepted.some((form) => cn.includes(form))) continue;
      stray.push(`${key} (${term.en} → ${term.zh}): ${en} ⇒ ${cn}`);
    }
  }
  return stray;
}

describe("the strings tables keep to the glossary", () => {
  it("reads every string of both tables (a function of slots too)", () => {
    const unread = [...english].filter(([key, value]) => wordsOf(value) === undefined || wordsOf(chinese.get(key)) === undefined).map(([key]) => key);
    expect(unread).toEqual([]);
    expect(english.size).toBeGreaterThan(500);
  });

  it("uses the glossary's Chinese term wherever the English string names the concept", () => {
    expect(strayTerms(english, chinese)).toEqual([]);
  });

  it("lists only exceptions that are still needed", () => {
    for (const [key, { term }] of Object.entries(NOT_THE_CONCEPT)) {
      const glossaryTerm = TERMS.find((candidate) => candidate.en === term);
      expect(glossaryTerm, term).toBeDefined();
      expect(findEnglish(wordsOf(english.get(key)) ?? "", englishForms(glossaryTerm!)), key).toBeDefined();
    }
  });

  it("would catch a string that strays from the glossary (学习率 written as 步进系数)", () => {
    const [key] = [...english].find(([, value]) => /learning rate/i.test(wordsOf(value) ?? ""))!;
    const strayed = new Map(chinese).set(key, "降低步进系数");
    expect(strayTerms(english, strayed).some((line) => line.startsWith(`${key} (learning rate → 学习率)`))).toBe(true);
  });
});
