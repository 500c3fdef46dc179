import { describe, expect, it } from "vitest";
import { roundSvgNumbers } from "../../../src/build/svgNumbers";

describe("roundSvgNumbers", () => {
  it("rounds an SVG's points to one place, its transforms and sizes to two (a scale under 1 as written), and drops trailing zeros", () => {
    const svg = '<svg viewBox="0 0 640 400"><path d="M0,0L226.66666666666666,13.333333333333334" transform="translate(180.1000001,286) scale(0.0456789)"></path><circle cx="3.96" cy="2.04" r="1.23456"></circle></svg>';
    expect(roundSvgNumbers(svg)).toBe('<svg viewBox="0 0 640 400"><path d="M0,0L226.7,13.3" transform="translate(180.1,286) scale(0.0456789)"></path><circle cx="4" cy="2" r="1.23"></circle></svg>');
  });

  it("leaves what a reader sees or hears as it was: text, labels, numbers outside figures", () => {
    const page = '<p>η = 0.123456</p><svg aria-label="loss 0.012345"><text x="1.23456">0.123456</text></svg><p>3.14159</p>';
    expect(roundSvgNumbers(page)).toBe('<p>η = 0.123456</p><svg aria-label="loss 0.012345"><text x="1.2">0.123456</text></svg><p>3.14159</p>');
  });

  it("leaves points with one place and sizes with two places or fewer alone", () => {
    const svg = '<svg><circle cx="12.5" cy="3.2" r="4.25"></circle></svg>';
    expect(roundSvgNumbers(svg)).toBe(svg);
  });
});
