/** One chapter's comparison: every structural difference between its two editions. */
export interface ChapterComparison {
  slug: string;
  problems: string[];
}

/** The whole comparison: each paired chapter and prose page, the unpaired chapters, and those whose translation is pending. */
export interface EditionCheck {
  chapters: ChapterComparison[];
  /** The prose pages (slug `pages/notation`, …); empty when the check named its chapters. */
  pages: ChapterComparison[];
  unpaired: string[];
  pending: string[];
  ok: boolean;
}

/** Compares content/X.mdx with content/zh/X.mdx; returns the differences found. */
export declare function compareChapter(slug: string, options?: { writeSlugs?: boolean; contentDir?: string; pagesDir?: string }): string[];

/** The prose pages written in both languages (src/pages/X.mdx and src/pages/zh/X.mdx). */
export declare const PROSE_PAGES: readonly string[];

/** Compares src/pages/X.mdx with src/pages/zh/X.mdx; returns the differences found. */
export declare function comparePage(name: string, options?: { pagesDir?: string; contentDir?: string }): string[];

/** Why two editions' chapter lists do not pair up (empty when they do). */
export declare function findUnpairedChapters(english: readonly string[], chinese: readonly string[], pending: readonly string[]): string[];

/** Holds every Chinese chapter against its English one, and the chapter lists against each other. */
export declare function checkEditions(options?: { contentDir?: string; pagesDir?: string; pending?: readonly string[]; slugs?: string[]; writeSlugs?: boolean }): EditionCheck;

/** The printable report of a check. */
export declare function formatEditionReport(check: Omit<EditionCheck, "pages"> & { pages?: ChapterComparison[] }): string;
