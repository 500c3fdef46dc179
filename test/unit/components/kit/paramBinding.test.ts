import { describe, expect, it } from "vitest";
import { bindParams } from "../../../../components/kit/paramBinding";
import { pageParamsFor, readParamsBinding } from "../../../../src/notebook/widgetParams";
import { toParamSpec } from "../../../../src/notebook/params";

const page = [
  toParamSpec({ name: "lr", value: 5, min: 0.1, max: 100, scale: "log" }),
  toParamSpec({ name: "steps", value: 100, min: 1, max: 400, step: 1 }),
  toParamSpec({ name: "loss", value: "squared error", choices: ["squared error", "cross-entropy"] }),
];

describe("reading a widget's params={{…}} in the MDX", () => {
  it("reads role → param name from the object literal", () => {
    expect(readParamsBinding(`{ learningRate: "lr", "steps": 'steps' }`)).toEqual({ learningRate: "lr", steps: "steps" });
  });

  it("refuses anything but quoted names", () => {
    expect(() => readParamsBinding(`{ learningRate: 0.5 }`)).toThrow(/param name in quotes/);
    expect(() => readParamsBinding(`["lr"]`)).toThrow(/must be an object/);
    expect(() => readParamsBinding(`{ [role]: "lr" }`)).toThrow(/param name in quotes/);
  });

  it("gives the widget the specs of the params it binds, once each", () => {
    const specs = JSON.parse(pageParamsFor("SurfaceDescent", { learningRate: "lr", steps: "steps" }, page));
    expect(specs.map((spec: { name: string }) => spec.name)).toEqual(["lr", "steps"]);
    expect(specs[0]).toMatchObject({ kind: "number", value: 5, min: 0.1, max: 100, scale: "log" });
  });

  it("fails the build when a bound name has no <Param> on the page", () => {
    expect(() => pageParamsFor("SurfaceDescent", { learningRate: "lrr" }, page)).toThrow(`<SurfaceDescent> binds learningRate: "lrr", but the page has no <Param name="lrr">`);
  });
});

describe("bindParams, the component's side", () => {
  const pageParams = pageParamsFor("SurfaceDescent", { learningRate: "lr", steps: "steps", loss: "loss" }, page);

  it("resolves each role to its <Param>'s default, typed", () => {
    const binding = bindParams("SurfaceDescent", ["learningRate", "steps", "loss"], { params: { learningRate: "lr", steps: "steps", loss: "loss" }, pageParams });
    expect(binding.number("learningRate")).toBe(5);
    expect(binding.number("steps")).toBe(100);
    expect(binding.choice("loss")).toBe("squared error");
    expect(binding.values).toEqual({ learningRate: 5, steps: 100, loss: "squared error" });
    expect(JSON.parse(binding.attribute).learningRate).toMatchObject({ name: "lr", min: 0.1, max: 100 });
    expect(() => binding.number("loss")).toThrow(/needs a number <Param>, but "loss" is a choice/);
  });

  it("names the missing role, an unknown role and a param the page lacks", () => {
    expect(() => bindParams("SurfaceDescent", ["learningRate", "steps"], { params: { learningRate: "lr" }, pageParams })).toThrow(
      `<SurfaceDescent> needs params={{ learningRate: "…", steps: "…" }}: the role "steps" is not bound to a <Param>.`,
    );
    expect(() => bindParams("SurfaceDescent", ["learningRate"], { params: { learningRate: "lr", rate: "lr" } as never, pageParams })).toThrow(/has no param role "rate"/);
    expect(() => bindParams("SurfaceDescent", ["learningRate"], { params: { learningRate: "eta" }, pageParams })).toThrow(`the page has no <Param name="eta">`);
  });
});
