import { describe, expect, it } from "vitest";
import { readMeta } from "../../../src/notebook/remarkCells";


describe("cell fence meta", () => {
  it("reads reactive and check=", () => {
    expect(readMeta("cell")).toEqual({ reactive: false, check: undefined });
    expect(readMeta("cell reactive check=momentumStep")).toEqual({ reactive: true, check: "momentumStep" });
  });
});
