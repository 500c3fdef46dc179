import type { Locale } from "./locale";

/** The layout's own words (header, sidebar, contents, search, pager, footer), one table per edition. */
export const CHROME = {
  en: {
    bookName: "Backprop Notebook",
    defaultDescription: "Learn how neural networks learn, by running back-propagation yourself.",
    skipLink: "Skip to content",
    siteNav: "Site",
    notation: "Notation",
    instructors: "For instructors",
    glossary: "Glossary",
    footer: "Backprop Notebook. Every number on these pages is computed by its engine, in your browser or at build time.",
    chapters: "Chapters",
    onThisPage: "On this page",
    percentRead: "% read",
    chapterKicker: (order: number, minutes: number) => `Chapter ${order} · about ${minutes} minutes`,
    objectives: "After this chapter you can",
    buildsOn: "Builds on",
    listSeparator: ", ",
    previous: "Previous",
    next: "Next",
    darkTheme: "Dark theme",
    search: "Search",
    searchTheBook: "Search the book",
    searchPlaceholder: "Search: momentum, delta, XOR…",
    closeSearch: "Close search",
    searchNeedsBuild: "Search needs the built site (npm run build); it is not available in the dev server.",
    searchNothing: "Nothing found for “{query}”.",
    searchCount: "{count} result(s)",
    languageSwitch: "中文",
    languageSwitchShort: "中文",
  },
  "zh-CN": {
    bookName: "Backprop Notebook",
    defaultDescription: "亲手运行反向传播，弄懂神经网络是怎样学习的。",
    skipLink: "跳到正文",
    siteNav: "站点",
    notation: "记号",
    instructors: "致教师",
    glossary: "术语表",
    footer: "Backprop Notebook。本书页面上的每一个数，都由它的引擎在你的浏览器里或在构建时算出。",
    chapters: "章节",
    onThisPage: "本页内容",
    percentRead: "% 已读",
    chapterKicker: (order: number, minutes: number) => `第 ${order} 章 · 约 ${minutes} 分钟`,
    objectives: "读完本章，你能够",
    buildsOn: "前置章节：",
    listSeparator: "、",
    previous: "上一章",
    next: "下一章",
    darkTheme: "深色主题",
    search: "搜索",
    searchTheBook: "搜索本书",
    searchPlaceholder: "搜索：动量、误差项、XOR……",
    closeSearch: "关闭搜索",
    searchNeedsBuild: "搜索需要构建好的站点（npm run build），开发服务器里不可用。",
    searchNothing: "没有找到“{query}”。",
    searchCount: "共 {count} 条结果",
    languageSwitch: "English",
    languageSwitchShort: "EN",
  },
} satisfies Record<Locale, Record<string, unknown>>;

/** The chrome strings of one edition. */
export type ChromeStrings = (typeof CHROME)["en"];

/** The chrome strings for a page's edition. */
export function chromeFor(locale: Locale): ChromeStrings {
  return CHROME[locale];
}
