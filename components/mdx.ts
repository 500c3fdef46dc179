import SideBySide from "./SideBySide.astro";

/** Components every chapter can use without importing them: the names authors write in MDX. */
export const mdxComponents = {
  SideBySide,
};
