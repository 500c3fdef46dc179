/**
 * Where a Chinese title may wrap. Chinese lets a line break between any two characters, so a heading can
 * end a line halfway through 反向传播; titles are cut into words here (at build time) and the page keeps
 * each word on one line, wrapping only between words.
 */
import { GLOSSARY } from "./glossary";

/** A piece of a title: a word that must stay on one line, or the space between two words. */
export interface TitlePiece {
  text: string;
  /** Whether this piece is a word (kept on one line); otherwise it is white space, where a line may wrap. */
  word: boolean;
}

const HAN = /\p{Script=Han}/u;
// Punctuation that may not start a line (it clings to the word before) or end one (it clings to the word after).
const CLOSING = /^[，。、；：？！）》」』”’〕】…—·,.;:?!)\]]+$/u;
const OPENING = /^[（《「『“‘〔【(\[]+$/u;
const NUMERAL = /^[一二两三四五六七八九十百千几每这那哪各]$/u;
const CLASSIFIER = /^[个种条步次层位遍章节类件句行列批轮组]$/u;
// 第 1 步, 第 3 章: an ordinal is one word even with spaces around its number.
const ORDINAL_NUMBER = /^[0-9０-９]+$/u;
const SPACE = /^\s+$/u;

/**
 * Words of the book that Node's ICU dictionary cuts in two (权|重, 递|归, 分类|器). The glossary's own terms
 * are added to these, so a term of the 术语表 is never split across lines.
 */
const BOOK_WORDS = ["神经网络", "神经元", "数组", "分类器", "求导", "递归", "调用", "堆叠", "向量化", "数据集", "双月", "扇出", "前向", "正确率"];

/** Every Chinese term of the glossary, with its parenthesised part and without it (激活（函数）→ 激活函数, 激活). */
function glossaryWords(): string[] {
  const words: string[] = [];
  for (const group of GLOSSARY) {
    for (const term of group.terms) {
      for (const variant of term.zh.split(" / ")) {
        const whole = variant.replace(/[（）]/g, "").replace(/\s*δ$/u, "");
        const bare = variant.replace(/（[^）]*）/g, "").trim();
        for (const word of [whole, bare]) if (/^\p{Script=Han}{2,}$/u.test(word)) words.push(word);
      }
    }
  }
  return words;
}

const DICTIONARY = new Set([...BOOK_WORDS, ...glossaryWords()]);
const LONGEST = Math.max(...[...DICTIONARY].map((word) => word.length));
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** The class of a word's span: a word with a space inside (第 1 步) must also not wrap at that space. */
export function wordClass(word: string): string {
  return /\s/u.test(word) ? "zh-word zh-word-spaced" : "zh-word";
}

/** Whether a text holds Chinese characters (so it needs cutting into words). */
export function hasChinese(text: string): boolean {
  return HAN.test(text);
}

/** Joins runs of ICU's segments that make up one dictionary word, longest first. */
function joinDictionaryWords(segments: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < segments.length; ) {
    let end = i + 1;
    let text = segments[i];
    for (let j = i + 1, run = text; j < segments.length && run.length < LONGEST; j++) {
      run += segments[j];
      if (DICTIONARY.has(run)) {
        end = j + 1;
        text = run;
      }
    }
    joined.push(text);
    i = end;
  }
  return joined;
}

/** How many segments from `i` make an ordinal: 5 for 第 ␣ 1 ␣ 步 (as the book writes it), 3 for 第1步, else 0. */
function ordinalLength(segments: string[], i: number): number {
  if (segments[i] !== "第") return 0;
  const [first = "", second = "", third = "", fourth = ""] = segments.slice(i + 1, i + 5);
  if (SPACE.test(first) && ORDINAL_NUMBER.test(second) && SPACE.test(third) && CLASSIFIER.test(fourth)) return 5;
  return ORDINAL_NUMBER.test(first) && CLASSIFIER.test(second) ? 3 : 0;
}

/** Joins each ordinal into one segment, spaces and all: 第 ␣ 1 ␣ 步 → "第 1 步". */
function joinOrdinals(segments: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const length = ordinalLength(segments, i);
    joined.push(length > 0 ? segments.slice(i, i + length).join("") : segments[i]);
    i += Math.max(length - 1, 0);
  }
  return joined;
}

/**
 * Cuts a title into words and the spaces between them: ICU's Chinese word segmentation, then the book's
 * dictionary (the glossary's terms whole), a numeral with its classifier (两个, 四种), an ordinal with its
 * number (第 1 步), and punctuation kept with the word it belongs to (no line starts with ： or ends with （).
 */
export function chineseTitleWords(title: string): TitlePiece[] {
  const segments = joinOrdinals(joinDictionaryWords([...segmenter.segment(title)].map((s) => s.segment)));
  const pieces: TitlePiece[] = [];
  // Whether the next segment joins the last piece (it follows an opening bracket or quote).
  let glue = false;
  for (const text of segments) {
    const last = pieces.at(-1);
    if (SPACE.test(text)) {
      pieces.push({ text, word: false });
      glue = false;
      continue;
    }
    const joinsLast = last?.word === true && (glue || CLOSING.test(text) || (NUMERAL.test(last.text) && CLASSIFIER.test(text)));
    if (joinsLast) last.text += text;
    else pieces.push({ text, word: true });
    glue = OPENING.test(text);
  }
  return pieces;
}
