import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseHTML } from "linkedom";
import { toParamSpec } from "../../../../src/notebook/params";

/** A fresh store on a page at `search`, with linkedom's document and a recording history. */
async function openStore(search: string) {
  const { document } = parseHTML("<!doctype html><html><body><main></main></body></html>");
  const address = { pathname: "/course/backprop/gradient-descent/", search, hash: "#top" };
  const history = {
    state: null,
    replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
      address.search = url.slice(address.pathname.length, url.length - address.hash.length);
    }),
  };
  vi.stubGlobal("document", document);
  vi.stubGlobal("location", address);
  vi.stubGlobal("history", history);
  vi.resetModules();
  const store = await import("../../../../src/notebook/client/paramStore");
  const notices = () => [...document.querySelectorAll("[data-nb-param-notice] p")].map((p) => p.textContent);
  return { store, address, history, notices };
}

const lr = toParamSpec({ name: "lr", value: 5, min: 0.1, max: 100, scale: "log" });

describe("the one URL store", () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it("takes a param's value from the link and writes changes back, keeping other keys", async () => {
    const { store, address } = await openStore("?lr=0.5&pgSeed=3");
    expect(store.registerParam(lr)).toBe(0.5);
    store.setParam("lr", 2);
    expect(address.search).toBe("?lr=2&pgSeed=3");
    store.setParam("lr", 5); // the default leaves the URL
    expect(address.search).toBe("?pgSeed=3");
  });

  it("keeps the default for a bad param value and says so in one notice", async () => {
    const { store, notices } = await openStore("?lr=banana");
    expect(store.registerParam(lr)).toBe(5);
    expect(notices()).toEqual([`The link set lr to "banana", which is not allowed (0.1 to 100); using 5 instead.`]);
  });

  it("validates other address state through the same notice path", async () => {
    const { store, notices, address } = await openStore("?pgLayers=2&pgSeed=x");
    const wholeNumber = (text: string) => (/^\d+$/.test(text) ? Number(text) : undefined);
    expect(store.readAddressValue("pgLayers", wholeNumber, "a whole number")).toBe(2);
    expect(store.readAddressValue("pgSeed", wholeNumber, "a whole number")).toBeUndefined();
    expect(store.readAddressValue("pgMissing", wholeNumber, "a whole number")).toBeUndefined();
    expect(notices()).toEqual([`The link set pgSeed to "x", which is not allowed (a whole number); using the default instead.`]);
    store.writeAddressValues({ pgSeed: "4", pgLayers: undefined });
    expect(address.search).toBe("?pgSeed=4");
    expect(store.addressHas(["lr", "pgSeed"])).toBe(true);
    expect(store.addressHas(["lr"])).toBe(false);
    expect(store.pagePath()).toBe("/course/backprop/gradient-descent/");
  });

  it("cuts a long junk value short in the notice", async () => {
    const { store, notices } = await openStore(`?pgSeed=${"9".repeat(60)}`);
    expect(store.readAddressValue("pgSeed", Number, "a number")).toBeUndefined();
    expect(notices()[0]).toContain(`"${"9".repeat(40)}…"`);
  });

  it("names the fallback, admits a longer value when asked, and keeps each key's notice for a widget to repeat", async () => {
    const points = "0.5,0.5,1;".repeat(10).slice(0, -1);
    const { store, notices } = await openStore(`?lr=banana&pgSeed=x&pgPoints=${points}`);
    store.registerParam(lr);
    const wholeNumber = (text: string) => (/^\d+$/.test(text) ? Number(text) : undefined);
    expect(store.readAddressValue("pgSeed", wholeNumber, "a whole number", { fallback: "1" })).toBeUndefined();
    expect(store.readAddressValue("pgPoints", (text) => text.split(";"), "points")).toBeUndefined(); // longer than a param's value may be
    expect(store.readAddressValue("pgPoints", (text) => text.split(";"), "points", { maxLength: 200 })).toHaveLength(10);
    expect(notices()[1]).toBe(`The link set pgSeed to "x", which is not allowed (a whole number); using 1 instead.`);
    expect(store.addressNotices(["pgSeed", "lr", "pgMissing"])).toEqual([notices()[1], notices()[0]]);
  });
});
