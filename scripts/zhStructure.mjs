// `node scripts/zhStructure.mjs [slug …] [--write-slugs]`: the structural comparison of the two editions
// (src/site/editionStructure.mjs says what it compares), printed. Exits 1 on any difference, on a chapter in one
// language only (unless its translation is pending) and, with slugs given, on a slug missing in either language.
// --write-slugs writes content/zh/_slugs/<slug>.json: each heading's English id beside its Chinese text, which
// src/markdown/editionHeadingIds.ts gives the Chinese headings (MDX has no `{#id}` heading syntax).
import { checkEditions, formatEditionReport } from "../src/site/editionStructure.mjs";
import { TRANSLATION_PENDING } from "../src/site/translationPending.mjs";

const args = process.argv.slice(2);
const slugs = args.filter((arg) => !arg.startsWith("--"));
const result = checkEditions({ pending: TRANSLATION_PENDING, slugs: slugs.length > 0 ? slugs : undefined, writeSlugs: args.includes("--write-slugs") });
console.log(formatEditionReport(result));
process.exit(result.ok ? 0 : 1);
