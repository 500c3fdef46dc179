import { describe, expect, it } from "vitest";
import { readSiteOrigin } from "../../../src/build/siteOrigin";

describe("readSiteOrigin", () => {
  it("is undefined without SITE_URL, so the build writes no hreflang links", () => {
    expect(readSiteOrigin(undefined)).toBeUndefined();
    expect(readSiteOrigin("  ")).toBeUndefined();
  });

  it("gives the origin of an http(s) URL, with or without a final slash", () => {
    expect(readSiteOrigin("https://courses.example.edu")).toBe("https://courses.example.edu");
    expect(readSiteOrigin("http://127.0.0.1:4321/")).toBe("http://127.0.0.1:4321");
  });

  it("fails with what to write instead for a path, another scheme or no URL at all", () => {
    expect(() => readSiteOrigin("https://example.edu/course/backprop/")).toThrow(/origin only.*BASE_PATH/);
    expect(() => readSiteOrigin("ftp://example.edu")).toThrow(/https:\/\/ or http:\/\//);
    expect(() => readSiteOrigin("example.edu")).toThrow(/not a URL.*SITE_URL=https:\/\//);
  });
});
