import type { AstroIntegration } from "astro";
import { checkEditions, formatEditionReport } from "./editionStructure.mjs";
import { TRANSLATION_PENDING } from "./translationPending.mjs";

/** Fails the build before any page is made when the two editions differ in structure or a chapter is in one language only. */
export function editionsMatch(): AstroIntegration {
  return {
    name: "backprop-notebook:editions-match",
    hooks: {
      "astro:build:start": ({ logger }) => {
        const result = checkEditions({ pending: TRANSLATION_PENDING });
        if (!result.ok) throw new Error(`The English and Chinese editions do not match:\n${formatEditionReport(result)}`);
        for (const slug of result.pending) logger.warn(`${slug}: English only, its Chinese translation is pending (src/site/translationPending.mjs)`);
      },
    },
  };
}
