import SideBySide from "./SideBySide.astro";
import CheckYourself from "./CheckYourself.astro";
import Cell from "./Cell.astro";
import Param from "./Param.astro";
import TrainingWidget from "./notebook/TrainingWidget.astro";

/** Components every chapter can use without importing them: the names authors write in MDX. */
export const mdxComponents = {
  SideBySide,
  CheckYourself,
  Cell,
  Param,
  TrainingWidget,
};
