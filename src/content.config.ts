import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { chapterSchema } from "./content/chapterSchema";

/** The book's chapters in English: content/*.mdx, validated by chapterSchema. */
const chapters = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content" }),
  schema: chapterSchema,
});

/** The same chapters in Simplified Chinese: content/zh/*.mdx, same slugs, same schema. */
const chaptersZh = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/zh" }),
  schema: chapterSchema,
});

export const collections = { chapters, chaptersZh };
