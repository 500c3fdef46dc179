import { describe, expect, it } from "vitest";
import type { ElementContent, Root } from "hast";
import { compile } from "@mdx-js/mdx";
import remarkMath from "remark-math";
import { chineseTitleWords, hasChinese, wordClass } from "../../../src/site/chineseWords";
import { rehypeChineseHeadings } from "../../../src/markdown/chineseHeadings";
import { GLOSSARY } from "../../../src/site/glossary";

/** A title's words joined by |, spaces shown as _. */
const cut = (title: string) => chineseTitleWords(title).map((piece) => (piece.word ? piece.text : "_")).join("|");

describe("cutting Chinese titles into words", () => {
  it("cuts the titles that used to break mid-word at word boundaries only", () => {
    expect(cut("神经网络如何学习：一次求一个导数")).toBe("神经网络|如何|学习：|一次|求|一个|导数");
    expect(cut("动手实现：你自己的自动求导引擎")).toBe("动手|实现：|你|自己|的|自动求导引擎");
    expect(cut("真实数据：从裸数组写出一个手写数字分类器")).toBe("真实|数据：|从|裸|数组|写|出|一个|手写|数字|分类器");
  });

  it("keeps every glossary term whole, even where ICU's dictionary cuts it (计算|图, 感知|机, 权|重)", () => {
    expect(cut("计算图上的链式法则")).toBe("计算图|上|的|链式法则");
    expect(cut("只有两个权重的模型")).toBe("只有|两个|权重|的|模型");
    expect(cut("必然停下：收敛定理")).toBe("必然|停下：|收敛定理");
    for (const group of GLOSSARY) {
      for (const term of group.terms) {
        const plain = term.zh.split(" / ")[0].replace(/（[^）]*）/g, "");
        if (!/^\p{Script=Han}{2,}$/u.test(plain)) continue;
        // Inside a sentence, between words ICU knows, the term is still one piece.
        expect(chineseTitleWords(`观察${plain}的作用`).map((piece) => piece.text), term.en).toContain(plain);
      }
    }
  });

  it("keeps punctuation with its word, a numeral with its classifier and an ordinal with its number", () => {
    expect(cut("输出、目标，以及衡量“错得多厉害”的一个数")).toBe("输出、|目标，|以及|衡量|“错得|多|厉害”|的|一个|数");
    expect(cut("第 3 步：权重从哪里开始")).toBe("第 3 步：|权重|从|哪里|开始");
    expect(cut("第3章")).toBe("第3章");
    expect(cut("第 12 节与第 3")).toBe("第 12 节|与|第|_|3");
    expect(cut("旁注：同一条规则，四种写法")).toBe("旁注：|同|一条|规则，|四种|写法");
    expect(cut("自动求导引擎（autograd）")).toBe("自动求导引擎|（autograd）");
  });

  it("leaves spaces between a Chinese word and a Latin one as places to wrap", () => {
    expect(cut("推导 sigmoid 单元的梯度")).toBe("推导|_|sigmoid|_|单元|的|梯度");
    expect(chineseTitleWords("推导 sigmoid 单元的梯度").map((piece) => piece.text).join("")).toBe("推导 sigmoid 单元的梯度");
  });

  it("marks words with a space inside, so they do not wrap at it", () => {
    expect(wordClass("第 1 步：")).toBe("zh-word zh-word-spaced");
    expect(wordClass("权重")).toBe("zh-word");
  });

  it("tells Chinese text from other text", () => {
    expect(hasChinese("Back-propagation")).toBe(false);
    expect(hasChinese("第 1 步")).toBe(true);
  });
});

/** A hast tree as compact HTML-like text: tags with their classes, and text. */
function render(node: Root | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "root") return node.children.map((child) => render(child as ElementContent)).join("");
  if (node.type === "mdxJsxFlowElement") return `<${node.name}>${node.children.map((child) => render(child as ElementContent)).join("")}</${node.name}>`;
  if (node.type !== "element") return "";
  const classes = node.properties?.className;
  const attribute = Array.isArray(classes) ? ` class="${classes.join(" ")}"` : "";
  return node.tagName === "wbr" ? "<wbr>" : `<${node.tagName}${attribute}>${node.children.map(render).join("")}</${node.tagName}>`;
}

describe("the heading plugin", () => {
  /** The HTML a piece of MDX becomes after the plugin (and before KaTeX, as in astro.config.mjs). */
  async function build(mdx: string): Promise<string> {
    let html = "";
    const capture = () => (tree: Root) => {
      html = render(tree);
    };
    await compile(mdx, { remarkPlugins: [remarkMath], rehypePlugins: [rehypeChineseHeadings, capture] });
    return html;
  }

  it("wraps the Chinese words of h1–h3 in spans with <wbr> between them, and leaves math, code, prose and h4 alone", async () => {
    const html = await build("## 梯度下降与 $x$ 的 `backward`\n\n正文里的梯度下降\n\n#### 四级标题\n");
    expect(html).toContain(
      '<h2><span class="zh-words"><span class="zh-word">梯度下降</span><wbr><span class="zh-word">与</span> </span><code class="language-math math-inline">x</code>' +
        '<span class="zh-words"> <span class="zh-word">的</span> </span><code>backward</code></h2>',
    );
    expect(html).toContain("<p>正文里的梯度下降</p>");
    expect(html).toContain("<h4>四级标题</h4>");
  });

  it("wraps headings written as JSX too (the notation page's <h2 id>)", async () => {
    const html = await build('<h2 id="functions">数据、单元与层</h2>\n');
    expect(html).toContain('<span class="zh-words"><span class="zh-word">数据、</span><wbr><span class="zh-word">单元</span><wbr><span class="zh-word">与</span><wbr><span class="zh-word">层</span></span>');
  });

  it("leaves English headings as they are", async () => {
    expect(await build("## Gradient descent\n")).toContain("<h2>Gradient descent</h2>");
  });
});
