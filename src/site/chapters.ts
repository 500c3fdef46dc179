import { getCollection, type CollectionEntry } from "astro:content";

/** A chapter entry from content/, as Astro loads it. */
export type Chapter = CollectionEntry<"chapters">;

/** All chapters in reading order; fails the build when two chapters claim the same order. */
export async function findChapters(): Promise<Chapter[]> {
  const chapters = (await getCollection("chapters")).sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < chapters.length; i++) {
    if (chapters[i].data.order === chapters[i - 1].data.order) {
      throw new Error(
        `content/${chapters[i].id}.mdx and content/${chapters[i - 1].id}.mdx both have order ${chapters[i].data.order}`,
      );
    }
  }
  const slugs = new Set(chapters.map((chapter) => chapter.id));
  for (const chapter of chapters) {
    for (const prerequisite of chapter.data.prerequisites) {
      if (!slugs.has(prerequisite)) {
        throw new Error(`content/${chapter.id}.mdx: prerequisites names "${prerequisite}", which is no chapter`);
      }
    }
  }
  return chapters;
}
