// The structural comparison of the two editions: holds each Chinese chapter content/zh/X.mdx against its English
// content/X.mdx, so they cannot drift. Compared, in document order:
//   - frontmatter: the same keys in the same order; numbers, slugs and lists of slugs identical; text fields
//     (title, summary, each objective) may differ but the number of objectives may not;
//   - imports and exports (ESM blocks): identical;
//   - code fences: the same language and meta words (cell, reactive, check=…), and the same code once comments
//     (// and /* */, or # in shell and YAML) are stripped; a string literal may differ only if the Chinese one contains Chinese text (a translated
//     display string), and a template literal's ${…} parts must stay the same code, their own string literals
//     held to the same rule (so a key such as "no decay" can be translated wherever the cell uses it);
//   - JSX components: the same names in the same order with the same props; human-readable props (label,
//     question, caption, alt, aria-label, …, and CheckYourself's choices) may differ in text but not in
//     presence, and choices keep their number;
//   - display math ($$…$$, with its \label): identical TeX in the same order, except the words inside \text{…},
//     \textrm{…} and \mbox{…}, which may be translated;
//   - inline math ($…$), inline code and link targets: identical, and the same number of each in every section
//     (between two headings), in any order there, since Chinese word order is not English word order; a link is
//     compared by where it leads from its page: an English link to a page the Chinese edition has must lead to
//     that page under zh/, and one to anything else (data/digits.txt) to the very same file;
//   - headings: the same number and the same depths; tables: the same shape.
// The prose pages the two editions share (src/pages/X.mdx and src/pages/zh/X.mdx: notation, instructors) are held to
// the same rules, less the frontmatter's layout path; their Chinese headings are <h2 id="…"> elements, whose id
// must be the English heading's.
// A JavaScript module (not TypeScript) because the build's config and the CLI scripts/zhStructure.mjs load it
// with plain Node; editionStructure.d.mts types it for the tests.
//
// Parses with the MDX, GFM and math micromark extensions that Astro's MDX and remark-math already install.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fromMarkdown } from "mdast-util-from-markdown";
import { mdxjs } from "micromark-extension-mdxjs";
import { mdxFromMarkdown } from "mdast-util-mdx";
import { gfm } from "micromark-extension-gfm";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { math } from "micromark-extension-math";
import { mathFromMarkdown } from "mdast-util-math";
import { toString } from "mdast-util-to-string";
import GithubSlugger from "github-slugger";
import { parse as parseYaml } from "yaml";

/** The project's content/ folder, where the English chapters are and content/zh/ holds the Chinese ones. */
const DEFAULT_CONTENT_DIR = new URL("../../content", import.meta.url).pathname;
/** The site's pages, where src/pages/X.mdx has its Chinese edition in src/pages/zh/X.mdx. */
const DEFAULT_PAGES_DIR = new URL("../pages", import.meta.url).pathname;
/** The prose pages written in both languages, compared as the chapters are. */
export const PROSE_PAGES = ["notation", "instructors"];

/** Props whose value is prose for the reader, compared by presence only. */
const TEXT_PROPS = new Set(["label", "question", "caption", "alt", "title", "aria-label", "ariaLabel", "placeholder", "summary", "description", "hint", "explanation"]);
/** Props that are prose only on some components (Param's choices are values, CheckYourself's are answers). */
const TEXT_PROPS_BY_COMPONENT = { CheckYourself: new Set(["choices"]) };
/** Frontmatter fields whose value is prose. */
const TEXT_FRONTMATTER = new Set(["title", "summary", "description", "objectives"]);

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** Splits `---\nyaml\n---\n` from the body; micromark would read the frontmatter as a setext heading. */
function splitFrontmatter(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) return { data: null, body: text };
  return { data: parseYaml(match[1]), body: text.slice(match[0].length) };
}

/**
 * Splits TypeScript source into code and string literals, dropping comments. Returns the code with each
 * string replaced by a numbered placeholder, lines that held only a comment removed and trailing blanks
 * trimmed, and the list of string literals (quotes included).
 */
function tokenizeCode(source) {
  const strings = [];
  let out = "";
  let i = 0;
  const COMMENT = "\u0000";
  while (i < source.length) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === "/" && next === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      out += COMMENT;
    } else if (ch === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
      out += COMMENT;
    } else if (ch === '"' || ch === "'" || ch === "`") {
      let j = i + 1;
      let depth = 0;
      while (j < source.length) {
        const c = source[j];
        if (c === "\\") { j += 2; continue; }
        if (ch === "`" && c === "$" && source[j + 1] === "{") { depth++; j += 2; continue; }
        if (ch === "`" && depth > 0 && c === "}") { depth--; j++; continue; }
        if (c === ch && depth === 0) break;
        if (c === "\n" && ch !== "`") break;
        j++;
      }
      strings.push(source.slice(i, j + 1));
      out += `\u0001${strings.length - 1}\u0002`;
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  const lines = out
    .split("\n")
    .filter((line) => !(line.includes(COMMENT) && line.replaceAll(COMMENT, "").trim() === ""))
    .map((line) => line.replaceAll(COMMENT, "").replace(/\s+$/, ""));
  return { code: lines.join("\n"), strings };
}

/** Fence languages whose comments run from a `#` to the end of the line. */
const HASH_COMMENTS = new Set(["sh", "bash", "shell", "yaml", "yml", "toml", "nginx"]);

/**
 * Drops `#` comments (a `#` at a line's start or after a blank) from shell or YAML, as tokenizeCode drops a
 * TypeScript comment: a line that held only a comment goes, trailing blanks are trimmed. No strings are split out.
 */
function stripHashComments(source) {
  const lines = source
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .map((line) => line.replace(/(^|\s)#.*$/, "").replace(/\s+$/, ""));
  return { code: lines.join("\n"), strings: [] };
}

/** The index just past the string literal that opens at `i` (quotes or backticks, ${…} nesting included). */
function skipString(source, i) {
  const quote = source[i];
  let j = i + 1;
  while (j < source.length && source[j] !== quote) {
    if (source[j] === "\\") j += 2;
    else if (quote === "`" && source[j] === "$" && source[j + 1] === "{") j = skipExpression(source, j + 2) + 1;
    else j++;
  }
  return j + 1;
}

/** The index of the `}` that closes an expression starting at `i`, skipping nested braces and strings. */
function skipExpression(source, i) {
  let depth = 0;
  let j = i;
  while (j < source.length) {
    const c = source[j];
    if (c === '"' || c === "'" || c === "`") { j = skipString(source, j); continue; }
    if (c === "{") depth++;
    else if (c === "}") { if (depth === 0) return j; depth--; }
    j++;
  }
  return j;
}

/** The ${…} parts of a template literal, whole even when they hold strings or templates of their own. */
function templateParts(literal) {
  if (!literal.startsWith("`")) return [];
  const parts = [];
  for (let i = 1; i < literal.length - 1; i++) {
    if (literal[i] === "\\") i++;
    else if (literal[i] === "$" && literal[i + 1] === "{") {
      const end = skipExpression(literal, i + 2);
      parts.push(literal.slice(i + 2, end).trim());
      i = end;
    }
  }
  return parts;
}

/**
 * Why a Chinese string literal may not stand for the English one, or null if it may: it must be the same, or hold
 * Chinese text (a translated display string) with the same ${…} code, whose own string literals obey this rule too
 * (so `${describe("no decay")}` may become `${describe("不加衰减")}`, but not `${describe(other)}`).
 */
function literalProblem(en, zh) {
  if (en === zh) return null;
  if (!CJK.test(zh)) return `string literal ${en} became ${zh}: only a translated (Chinese) display string may differ`;
  const a = templateParts(en);
  const b = templateParts(zh);
  if (a.length !== b.length) return `template literal ${en} → ${zh} changed its \${…} parts`;
  for (let k = 0; k < a.length; k++) {
    const p = tokenizeCode(a[k]);
    const q = tokenizeCode(b[k]);
    if (p.code !== q.code || p.strings.length !== q.strings.length) return `template literal ${en} → ${zh} changed its \${…} parts`;
    for (let n = 0; n < p.strings.length; n++) {
      const problem = literalProblem(p.strings[n], q.strings[n]);
      if (problem) return problem;
    }
  }
  return null;
}

/** TeX with the words of \text{…}-like groups blanked, since those may be translated. */
function normalizeMath(tex) {
  return tex.replace(/\\(text|textrm|textit|textbf|mbox)\s*\{[^{}]*\}/g, "\\$1{…}").trim();
}

/** Collapses whitespace so a JSX expression's formatting does not count. */
const squash = (s) => String(s).replace(/\s+/g, " ").trim();

/**
 * The first path segments of the pages the Chinese edition has below zh/: every chapter (one whose translation
 * is pending will be there; checkEditions reports it meanwhile) and its pages (src/pages/zh/*, less the
 * [chapter] route); the home page is the empty segment.
 */
function chineseSegments(contentDir, pagesDir) {
  const pages = existsSync(join(pagesDir, "zh")) ? readdirSync(join(pagesDir, "zh")) : [];
  const named = pages.filter((name) => !name.startsWith("[")).map((name) => name.replace(/\.(astro|mdx|md)$/, ""));
  return new Set(["", ...slugsIn(contentDir), ...slugsIn(join(contentDir, "zh")), ...named.filter((name) => name !== "index")]);
}

/**
 * Where `url`, written on the page at `pagePath`, leads, as a site path. With `chinese` (the segments
 * chineseSegments finds), an English link is given as its Chinese counterpart: under zh/ where that edition has
 * the page, unchanged where it has not.
 */
function linkTarget(url, pagePath, chinese) {
  if (/^[a-z][a-z+.-]*:/i.test(url) || url.startsWith("#")) return url;
  const target = new URL(url, `https://site.invalid${pagePath}`);
  const path = chinese && chinese.has(target.pathname.split("/")[1]) ? `/zh${target.pathname}` : target.pathname;
  return `${path}${target.search}${target.hash}`;
}

/** A heading written as an element (`<h2 id="…">`), as the Chinese prose pages write theirs. */
const HEADING_ELEMENT = /^h([1-6])$/;

/**
 * Everything the comparison needs from one MDX file at `pagePath` on the site, in document order; `chinese`,
 * given for an English file, maps its links to the Chinese edition (linkTarget).
 */
function extract(file, pagePath, chinese) {
  const text = readFileSync(file, "utf8");
  const { data, body } = splitFrontmatter(text);
  const tree = fromMarkdown(body, {
    extensions: [mdxjs(), gfm(), math()],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), mathFromMarkdown()],
  });
  const found = { frontmatter: data, esm: [], code: [], jsx: [], math: [], inlineMath: [], headings: [], links: [], inlineCode: [], tables: [], expressions: [] };
  // Line numbers of the whole file, frontmatter included; `section` counts the headings seen so far.
  const offset = text.slice(0, text.length - body.length).split("\n").length - 1;
  let section = 0;
  const visit = (node) => {
    const line = node.position ? node.position.start.line + offset : undefined;
    switch (node.type) {
      case "mdxjsEsm":
        found.esm.push({ line, value: node.value.trim() });
        break;
      case "code":
        found.code.push({ line, lang: node.lang ?? "", meta: node.meta ?? "", ...(HASH_COMMENTS.has(node.lang ?? "") ? stripHashComments(node.value) : tokenizeCode(node.value)) });
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name ?? "<>";
        const level = HEADING_ELEMENT.exec(name);
        if (level) {
          section++;
          const id = node.attributes.find((attribute) => attribute.name === "id")?.value;
          found.headings.push({ line, depth: Number(level[1]), text: toString(node), id: typeof id === "string" ? id : undefined });
          break;
        }
        const textProps = new Set([...TEXT_PROPS, ...(TEXT_PROPS_BY_COMPONENT[name] ?? [])]);
        const props = node.attributes.map((attribute) => {
          if (attribute.type === "mdxJsxExpressionAttribute") return { spread: squash(attribute.value) };
          const raw = attribute.value;
          const isExpression = raw !== null && typeof raw === "object";
          const value = raw === null ? true : isExpression ? `{${squash(raw.value)}}` : raw;
          if (textProps.has(attribute.name)) {
            const count = isExpression ? tokenizeCode(raw.value).strings.length : 1;
            return { name: attribute.name, text: true, count };
          }
          return { name: attribute.name, value };
        });
        found.jsx.push({ line, name, props });
        break;
      }
      case "math":
        found.math.push({ line, value: node.value, normalized: normalizeMath(node.value) });
        break;
      case "inlineMath":
        found.inlineMath.push({ line, section, key: squash(normalizeMath(node.value)), show: `$${node.value}$` });
        break;
      case "heading":
        section++;
        found.headings.push({ line, depth: node.depth, text: toString(node) });
        break;
      case "link":
      case "image":
      case "definition":
        found.links.push({ line, section, key: `${node.type} ${linkTarget(node.url, pagePath, chinese)}`, show: `${node.type} ${node.url}` });
        break;
      case "inlineCode":
        found.inlineCode.push({ line, section, key: node.value, show: `\`${node.value}\`` });
        break;
      case "table":
        found.tables.push({ line, shape: node.children.map((row) => row.children.length).join(",") });
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        found.expressions.push({ line, value: squash(node.value) });
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

/** Compares two lists item by item with `same`, reporting a length mismatch and each differing pair. */
function compareLists(what, en, zh, same, show, report) {
  if (en.length !== zh.length) report(`${what}: ${en.length} in English, ${zh.length} in Chinese`);
  const n = Math.min(en.length, zh.length);
  for (let k = 0; k < n; k++) {
    const problem = same(en[k], zh[k]);
    if (problem) {
      report(`${what} #${k + 1} (en line ${en[k].line}, zh line ${zh[k].line}): ${problem}\n      en: ${show(en[k])}\n      zh: ${show(zh[k])}`);
      // After a count mismatch every later pair is off by one: stop at the first so the report stays readable.
      if (en.length !== zh.length) break;
    }
  }
}

/**
 * Compares items that live inside sentences (inline math, inline code, links) section by section as multisets:
 * Chinese word order differs from English, so within a section (the text between two headings) the order of
 * such items may change, but every one must be there, unchanged, as often as in English.
 */
function compareBySection(what, en, zh, report) {
  const sections = new Set([...en, ...zh].map((item) => item.section));
  for (const section of [...sections].sort((a, b) => a - b)) {
    const count = (items) => {
      const counts = new Map();
      for (const item of items.filter((x) => x.section === section)) {
        const entry = counts.get(item.key) ?? { n: 0, item };
        entry.n++;
        counts.set(item.key, entry);
      }
      return counts;
    };
    const a = count(en);
    const b = count(zh);
    for (const [key, { n, item }] of a) {
      const m = b.get(key)?.n ?? 0;
      if (m < n) report(`${what} in section ${section} missing in Chinese (${n - m}×, en line ${item.line}): ${item.show}`);
    }
    for (const [key, { n, item }] of b) {
      const m = a.get(key)?.n ?? 0;
      if (m < n) report(`${what} in section ${section} not in English (${n - m}×, zh line ${item.line}): ${item.show}`);
    }
  }
}

function compareFrontmatter(en, zh, report) {
  if (!en || !zh) {
    if (en || zh) report(`frontmatter: present in ${en ? "English" : "Chinese"} only`);
    return;
  }
  const enKeys = Object.keys(en);
  const zhKeys = Object.keys(zh);
  if (enKeys.join(",") !== zhKeys.join(",")) report(`frontmatter keys: en [${enKeys}] zh [${zhKeys}]`);
  for (const key of enKeys) {
    if (!(key in zh)) continue;
    const a = en[key];
    const b = zh[key];
    if (TEXT_FRONTMATTER.has(key)) {
      if (Array.isArray(a) !== Array.isArray(b) || (Array.isArray(a) && a.length !== b.length)) {
        report(`frontmatter ${key}: ${Array.isArray(a) ? a.length : "a string"} in English, ${Array.isArray(b) ? b.length : "a string"} in Chinese`);
      } else if ([b].flat().some((item) => typeof item !== "string" || item.trim() === "")) {
        report(`frontmatter ${key}: every entry must be non-empty text`);
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      report(`frontmatter ${key}: en ${JSON.stringify(a)} zh ${JSON.stringify(b)}`);
    }
  }
}

function compareCode(a, b) {
  if (a.lang !== b.lang || a.meta !== b.meta) return `fence info differs: "${a.lang} ${a.meta}" vs "${b.lang} ${b.meta}"`;
  if (a.strings.length !== b.strings.length) return `${a.strings.length} string literals in English, ${b.strings.length} in Chinese`;
  if (a.code !== b.code) {
    const enLines = a.code.split("\n");
    const zhLines = b.code.split("\n");
    const k = enLines.findIndex((lineText, index) => lineText !== zhLines[index]);
    const at = k < 0 ? enLines.length : k;
    const unplace = (s) => (s ?? "(none)").replace(/\u0001(\d+)\u0002/g, "«string $1»");
    return `code differs (comments aside) at code line ${at + 1}:\n        en| ${unplace(enLines[at])}\n        zh| ${unplace(zhLines[at])}`;
  }
  const problems = [];
  for (let k = 0; k < a.strings.length; k++) {
    const s = a.strings[k];
    const t = b.strings[k];
    const problem = literalProblem(s, t);
    if (problem) problems.push(problem);
  }
  return problems.length > 0 ? problems.join("; ") : null;
}

function compareJsx(a, b) {
  if (a.name !== b.name) return `component <${a.name}> vs <${b.name}>`;
  const names = (element) => element.props.map((p) => p.name ?? "{...}").join(" ");
  if (names(a) !== names(b)) return `props differ: [${names(a)}] vs [${names(b)}]`;
  for (let k = 0; k < a.props.length; k++) {
    const p = a.props[k];
    const q = b.props[k];
    if (p.text) {
      if (p.count !== q.count) return `${p.name}: ${p.count} text entries in English, ${q.count} in Chinese`;
    } else if ((p.spread ?? p.value) !== (q.spread ?? q.value)) {
      return `${p.name ?? "spread"}: ${JSON.stringify(p.spread ?? p.value)} vs ${JSON.stringify(q.spread ?? q.value)}`;
    }
  }
  return null;
}

const showJsx = (element) =>
  `<${element.name} ${element.props.map((p) => (p.text ? `${p.name}=(text×${p.count})` : p.spread ? `{...${p.spread}}` : `${p.name}=${typeof p.value === "string" && !p.value.startsWith("{") ? JSON.stringify(p.value) : p.value}`)).join(" ")}>`;

/** Compares one chapter (content/X.mdx with content/zh/X.mdx); returns the differences found. */
export function compareChapter(slug, { writeSlugs = false, contentDir = DEFAULT_CONTENT_DIR, pagesDir = DEFAULT_PAGES_DIR } = {}) {
  const zhDir = join(contentDir, "zh");
  const problems = [];
  const report = (message) => problems.push(message);
  const en = extract(join(contentDir, `${slug}.mdx`), `/${slug}/`, chineseSegments(contentDir, pagesDir));
  const zh = extract(join(zhDir, `${slug}.mdx`), `/zh/${slug}/`);

  compareFrontmatter(en.frontmatter, zh.frontmatter, report);
  compareBodies(en, zh, report);
  if (writeSlugs && en.headings.length === zh.headings.length) {
    const enSlugger = new GithubSlugger();
    const zhSlugger = new GithubSlugger();
    const headings = en.headings.map((heading, k) => ({
      depth: heading.depth,
      id: slugOf(enSlugger, heading.text),
      en: heading.text,
      zh: zh.headings[k].text,
      zhAutoId: slugOf(zhSlugger, zh.headings[k].text),
    }));
    mkdirSync(join(zhDir, "_slugs"), { recursive: true });
    writeFileSync(join(zhDir, "_slugs", `${slug}.json`), `${JSON.stringify({ chapter: slug, headings }, null, 2)}\n`);
  }
  return problems;
}

/** As Astro's rehype-collect-headings makes a heading's id: github-slugger, then a trailing "-" dropped. */
const slugOf = (slugger, text) => slugger.slug(text).replace(/-$/, "");

/**
 * Compares src/pages/X.mdx with src/pages/zh/X.mdx, a prose page both editions have: as a chapter, less the
 * frontmatter's layout path, and each Chinese heading's id must be the one Astro gives the English heading.
 */
export function comparePage(name, { pagesDir = DEFAULT_PAGES_DIR, contentDir = DEFAULT_CONTENT_DIR } = {}) {
  const problems = [];
  const report = (message) => problems.push(message);
  const en = extract(join(pagesDir, `${name}.mdx`), `/${name}/`, chineseSegments(contentDir, pagesDir));
  const zh = extract(join(pagesDir, "zh", `${name}.mdx`), `/zh/${name}/`);
  const { layout: _enLayout, ...enFront } = en.frontmatter ?? {};
  const { layout: _zhLayout, locale: _locale, ...zhFront } = zh.frontmatter ?? {};
  compareFrontmatter(enFront, zhFront, report);
  compareBodies(en, zh, report);
  const slugger = new GithubSlugger();
  en.headings.forEach((heading, k) => {
    const id = slugOf(slugger, heading.text);
    const other = zh.headings[k];
    if (other && other.id !== id) report(`heading #${k + 1} (en line ${heading.line}, zh line ${other.line}): the Chinese id is ${other.id === undefined ? "missing" : `"${other.id}"`}, the English heading's is "${id}"`);
  });
  return problems;
}

/** The comparisons chapters and prose pages share: everything below the frontmatter. */
function compareBodies(en, zh, report) {
  compareLists("import/export", en.esm, zh.esm, (a, b) => (a.value === b.value ? null : "not identical"), (x) => x.value, report);
  compareLists("code fence", en.code, zh.code, compareCode, (x) => `\`\`\`${x.lang} ${x.meta}`, report);
  compareLists("component", en.jsx, zh.jsx, compareJsx, showJsx, report);
  compareLists("display math", en.math, zh.math, (a, b) => (a.normalized === b.normalized ? null : "TeX differs"), (x) => `$$${x.value}$$`, report);
  compareBySection("inline math", en.inlineMath, zh.inlineMath, report);
  compareLists("heading", en.headings, zh.headings, (a, b) => (a.depth === b.depth ? null : `depth ${a.depth} vs ${b.depth}`), (x) => `${"#".repeat(x.depth)} ${x.text}`, report);
  compareBySection("link", en.links, zh.links, report);
  compareBySection("inline code", en.inlineCode, zh.inlineCode, report);
  compareLists("table", en.tables, zh.tables, (a, b) => (a.shape === b.shape ? null : "shape differs"), (x) => `cells per row ${x.shape}`, report);
  compareLists("JSX expression", en.expressions, zh.expressions, (a, b) => (a.value === b.value ? null : "not identical"), (x) => `{${x.value}}`, report);
}

/**
 * Why two editions' chapter lists do not pair up: each English chapter needs a Chinese one unless its slug is in
 * `pending`, each Chinese chapter an English one, and a pending chapter must not be translated already.
 */
export function findUnpairedChapters(english, chinese, pending) {
  const problems = [];
  for (const slug of english) {
    if (!chinese.includes(slug) && !pending.includes(slug)) problems.push(`content/${slug}.mdx has no Chinese edition content/zh/${slug}.mdx`);
  }
  for (const slug of chinese) {
    if (!english.includes(slug)) problems.push(`content/zh/${slug}.mdx has no English chapter content/${slug}.mdx`);
    if (pending.includes(slug)) problems.push(`content/zh/${slug}.mdx exists: remove "${slug}" from TRANSLATION_PENDING in src/site/translationPending.mjs`);
  }
  return problems;
}

/** The chapter slugs of one folder (its *.mdx files). */
function slugsIn(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".mdx")).map((name) => basename(name, ".mdx")).sort() : [];
}

/**
 * Holds every Chinese chapter against its English one, the two chapter lists against each other and, unless
 * `slugs` names chapters, the prose pages. A chapter in one language only is a problem unless its slug is in
 * `pending` (English written, translation pending).
 */
export function checkEditions({ contentDir = DEFAULT_CONTENT_DIR, pagesDir = DEFAULT_PAGES_DIR, pending = [], slugs, writeSlugs = false } = {}) {
  const english = slugsIn(contentDir);
  const chinese = slugsIn(join(contentDir, "zh"));
  const unpaired = findUnpairedChapters(english, chinese, pending);
  const chapters = [];
  for (const slug of slugs ?? chinese) {
    if (!english.includes(slug) || !chinese.includes(slug)) {
      if (slugs) unpaired.push(`${slug}: needs both content/${slug}.mdx and content/zh/${slug}.mdx`);
      continue;
    }
    let problems;
    try {
      problems = compareChapter(slug, { writeSlugs, contentDir, pagesDir });
    } catch (error) {
      problems = [`could not parse: ${error.message}`];
    }
    chapters.push({ slug, problems });
  }
  const pages = [];
  for (const name of slugs ? [] : PROSE_PAGES) {
    let problems;
    try {
      problems = comparePage(name, { pagesDir, contentDir });
    } catch (error) {
      problems = [`could not parse: ${error.message}`];
    }
    pages.push({ slug: `pages/${name}`, problems });
  }
  const pendingNow = pending.filter((slug) => english.includes(slug) && !chinese.includes(slug));
  const compared = [...chapters, ...pages];
  return { chapters, pages, unpaired, pending: pendingNow, ok: unpaired.length === 0 && compared.every((c) => c.problems.length === 0) };
}

/** The report the CLI prints and the build shows: one line per chapter, every difference under it. */
export function formatEditionReport({ chapters, pages = [], unpaired, pending }) {
  const lines = unpaired.map((problem) => `✗ ${problem}`);
  for (const { slug, problems } of [...chapters, ...pages]) {
    if (problems.length === 0) lines.push(`✓ ${slug}: same structure in both languages`);
    else {
      lines.push(`✗ ${slug}: ${problems.length} difference${problems.length === 1 ? "" : "s"}`);
      for (const problem of problems) lines.push(`  - ${problem}`);
    }
  }
  for (const slug of pending) lines.push(`… ${slug}: English only, translation pending (src/site/translationPending.mjs)`);
  return lines.join("\n");
}
