import { describe, expect, it } from "vitest";
import { useFakeStorage } from "../fakeStorage";
import { counterpartPath, localeOfPath, pathInEdition } from "../../../src/site/locale";
import { pageLocale } from "../../../src/site/pageLocale";
import { prefersChinese, shouldOfferChinese, switchTarget } from "../../../src/site/languageChoice";
import { progressKey, readProgress, saveProgress } from "../../../src/site/progress";
import { clearEdits, readEdit, saveEdit } from "../../../src/notebook/client/savedEdits";

describe("editions' addresses", () => {
  it("tells an edition by its folder under the base path", () => {
    expect(localeOfPath("/course/backprop/zh/perceptron/", "/course/backprop/")).toBe("zh-CN");
    expect(localeOfPath("/course/backprop/zh/", "/course/backprop/")).toBe("zh-CN");
    expect(localeOfPath("/course/backprop/zh", "/course/backprop/")).toBe("zh-CN");
    expect(localeOfPath("/course/backprop/perceptron/", "/course/backprop/")).toBe("en");
    // A chapter whose slug merely starts with "zh" is English.
    expect(localeOfPath("/course/backprop/zhang/", "/course/backprop/")).toBe("en");
    expect(localeOfPath("/zh/notation/", "/")).toBe("zh-CN");
    // What a component placed by MDX calls with Astro (vitest's BASE_URL is "/").
    expect(pageLocale({ url: new URL("http://h/zh/perceptron/") })).toBe("zh-CN");
    expect(pageLocale({ url: new URL("http://h/perceptron/") })).toBe("en");
  });

  it("maps a page to its counterpart with the same slug, both ways, under any base", () => {
    expect(pathInEdition("/b/zh/chain-rule/", "/b/")).toBe("chain-rule/");
    expect(counterpartPath("/b/chain-rule/", "/b/", "zh-CN")).toBe("/b/zh/chain-rule/");
    expect(counterpartPath("/b/zh/chain-rule/", "/b/", "en")).toBe("/b/chain-rule/");
    expect(counterpartPath("/b/", "/b/", "zh-CN")).toBe("/b/zh/");
    expect(counterpartPath("/b/zh/", "/b/", "en")).toBe("/b/");
    expect(counterpartPath("/notation/", "/", "zh-CN")).toBe("/zh/notation/");
  });
});

describe("the language switch", () => {
  it("carries the page's query (params, settings) and section to the counterpart", () => {
    expect(switchTarget("/b/zh/gradient-descent/", "http://h/b/gradient-descent/?eta=0.3&pgData=xor#momentum")).toBe(
      "http://h/b/zh/gradient-descent/?eta=0.3&pgData=xor#momentum",
    );
    expect(switchTarget("/b/perceptron/", "http://h/b/zh/perceptron/")).toBe("http://h/b/perceptron/");
  });

  it("offers the Chinese edition only to a reader who prefers or chose it and has not closed the offer", () => {
    expect(prefersChinese(["zh-CN", "en-US"])).toBe(true);
    expect(prefersChinese(["zh"])).toBe(true);
    expect(prefersChinese(["en-GB", "zh-CN"])).toBe(false);
    expect(prefersChinese(["de", "fr"])).toBe(false);
    expect(shouldOfferChinese(["zh-CN"], null, false)).toBe(true);
    expect(shouldOfferChinese(["zh-CN"], null, true)).toBe(false);
    expect(shouldOfferChinese(["zh-CN"], "en", false)).toBe(false);
    expect(shouldOfferChinese(["en-US"], "zh-CN", false)).toBe(true);
    expect(shouldOfferChinese(["en-US"], null, false)).toBe(false);
  });
});

describe("what is remembered per page and language", () => {
  useFakeStorage();

  it("keeps reading progress of a chapter apart in each language, English under the key it always had", () => {
    expect(progressKey("perceptron")).toBe("bn-progress:perceptron");
    expect(progressKey("perceptron", "zh-CN")).toBe("bn-progress:zh-CN:perceptron");
    saveProgress("perceptron", 0.8, "en");
    saveProgress("perceptron", 0.25, "zh-CN");
    expect(readProgress("perceptron", "en")).toBe(0.8);
    expect(readProgress("perceptron", "zh-CN")).toBe(0.25);
    saveProgress("perceptron", 0.5, "zh-CN");
    expect(readProgress("perceptron", "zh-CN")).toBe(0.5);
    expect(readProgress("perceptron", "en")).toBe(0.8);
  });

  it("keeps a reader's code in each language: editing or clearing the Chinese page leaves the English edit alone", () => {
    expect(saveEdit("/b/perceptron/", 2, "en-hash", "english edit", "original")).toBe(true);
    expect(saveEdit("/b/zh/perceptron/", 2, "zh-hash", "chinese edit", "原文")).toBe(true);
    expect(readEdit("/b/perceptron/", 2, "en-hash")).toEqual({ source: "english edit" });
    expect(readEdit("/b/zh/perceptron/", 2, "zh-hash")).toEqual({ source: "chinese edit" });
    clearEdits("/b/zh/perceptron/");
    expect(readEdit("/b/zh/perceptron/", 2, "zh-hash")).toEqual({});
    expect(readEdit("/b/perceptron/", 2, "en-hash")).toEqual({ source: "english edit" });
  });
});
