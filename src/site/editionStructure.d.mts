/** One chapter's comparison: every structural difference between its two editions. */
export interface ChapterComparison {
  slug: string;
  problems: string[];
}

/** The whole comparison: each paired chapter, the unpaired ones, and the chapters whose translation is pending. */
export interface EditionCheck {
  chapters: ChapterComparison[];
  unpaired: string[];
  pending: string[];
  ok: boolean;
}

/** Compares content/X.mdx with content/zh/X.mdx; returns the differences found. */
export declare function compareChapter(slug: string, options?: { writeSlugs?: boolean; contentDir?: string }): string[];

/** Why two editions' chapter lists do not pair up (empty when they do). */
export declare function findUnpairedChapters(english: readonly string[], chinese: readonly string[], pending: readonly string[]): string[];

/** Holds every Chinese chapter against its English one, and the chapter lists against each other. */
export declare function checkEditions(options?: { contentDir?: string; pending?: readonly string[]; slugs?: string[]; writeSlugs?: boolean }): EditionCheck;

/** The printable report of a check. */
export declare function formatEditionReport(check: EditionCheck): string;
