import { z } from "astro/zod";

/** The frontmatter every chapter in content/ must carry; a missing or wrong field fails the build. */
export const chapterSchema = z
  .object({
    /** The chapter's title as it appears in the sidebar, the home page and the browser tab. */
    title: z.string().min(3, "title must be at least 3 characters"),
    /** Position in the book: 1 for the first chapter. Unique across chapters. */
    order: z.number().int().positive(),
    /** One or two sentences for the home page and search results: what the chapter is about. */
    summary: z.string().min(20, "summary must be a sentence, at least 20 characters").max(400),
    /** What a reader can do after the chapter, each a short sentence starting with a verb. */
    objectives: z.array(z.string().min(8)).min(1, "list at least one learning objective"),
    /** Estimated reading and playing time, in minutes. */
    minutes: z.number().int().min(1).max(180),
    /** Slugs of chapters (file names without .mdx) a reader should have read first. */
    prerequisites: z.array(z.string().regex(/^[a-z0-9-]+$/, "a prerequisite is a chapter slug, like error-surface")).default([]),
  })
  .strict();

/** A chapter's validated frontmatter. */
export type ChapterData = z.infer<typeof chapterSchema>;
