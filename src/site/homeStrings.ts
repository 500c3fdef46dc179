import type { Locale } from "./locale";

const NUMBER_WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"];

/** The home page's words in each edition; the numbers come from the chapters themselves. */
export const HOME = {
  en: {
    kicker: "A notebook you can run",
    headline: "How neural networks learn, one derivative at a time",
    lede: (count: number) =>
      `${NUMBER_WORDS[count] ?? count} chapters that take a programmer from a single perceptron to back-propagation through a whole network, and then to an autograd of their own. Every formula sits beside a live plot, every code cell runs in your browser, and every hyperparameter is a number you can change inside the sentence that explains it.`,
    start: "Start with chapter 1",
    meta: (count: number, minutes: number) => `${count} chapters · about ${minutes} minutes`,
    contents: "Contents",
    minutes: (minutes: number) => `about ${minutes} minutes`,
    objectives: "What you will be able to do",
  },
  "zh-CN": {
    kicker: "一本可以运行的笔记本",
    headline: "神经网络如何学习：一次求一个导数",
    lede: (count: number) =>
      `${count} 章内容，带一位程序员从单个感知机出发，走到贯穿整个网络的反向传播，再亲手写出自己的自动求导引擎（autograd）。每个公式旁边都有实时更新的图，每个代码单元格都在你的浏览器里运行，每个超参数都是一个数，就写在解释它的那句话里，你可以当场修改。`,
    start: "从第 1 章开始",
    meta: (count: number, minutes: number) => `共 ${count} 章 · 约 ${minutes} 分钟`,
    contents: "目录",
    minutes: (minutes: number) => `约 ${minutes} 分钟`,
    objectives: "读完你能做到",
  },
} satisfies Record<Locale, Record<string, unknown>>;
