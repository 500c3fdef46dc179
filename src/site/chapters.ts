import { getCollection, type CollectionEntry } from "astro:content";
import type { Locale } from "./locale";
import { findUnpairedChapters } from "./editionStructure.mjs";
import { TRANSLATION_PENDING } from "./translationPending.mjs";

/** A chapter entry from content/ (English) or content/zh/ (Chinese), as Astro loads it. */
export type Chapter = CollectionEntry<"chapters"> | CollectionEntry<"chaptersZh">;

/** All chapters of one edition in reading order; fails the build when the editions do not pair up or two chapters claim the same order. */
export async function findChapters(locale: Locale = "en"): Promise<Chapter[]> {
  const [english, chinese] = await Promise.all([getCollection("chapters"), getCollection("chaptersZh")]);
  const unpaired = findUnpairedChapters(english.map((c) => c.id), chinese.map((c) => c.id), TRANSLATION_PENDING);
  if (unpaired.length > 0) throw new Error(`The two editions do not match:\n  ${unpaired.join("\n  ")}`);
  const folder = locale === "zh-CN" ? "content/zh" : "content";
  const chapters: Chapter[] = [...(locale === "zh-CN" ? chinese : english)].sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < chapters.length; i++) {
    if (chapters[i].data.order === chapters[i - 1].data.order) {
      throw new Error(
        `${folder}/${chapters[i].id}.mdx and ${folder}/${chapters[i - 1].id}.mdx both have order ${chapters[i].data.order}`,
      );
    }
  }
  const slugs = new Set(chapters.map((chapter) => chapter.id));
  for (const chapter of chapters) {
    for (const prerequisite of chapter.data.prerequisites) {
      if (!slugs.has(prerequisite)) {
        throw new Error(`${folder}/${chapter.id}.mdx: prerequisites names "${prerequisite}", which is no chapter`);
      }
    }
  }
  return chapters;
}

/** Whether a chapter has a Chinese edition yet (false only for one on the translation-pending list). */
export async function isTranslated(slug: string): Promise<boolean> {
  return (await getCollection("chaptersZh")).some((chapter) => chapter.id === slug);
}
