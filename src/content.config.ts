import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { chapterSchema } from "./content/chapterSchema";

/** The book's chapters: content/*.mdx, validated by chapterSchema. */
const chapters = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content" }),
  schema: chapterSchema,
});

export const collections = { chapters };
