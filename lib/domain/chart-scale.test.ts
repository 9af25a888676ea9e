import { describe, expect, it } from "vitest";
import { niceMax, scaled, stack } from "./chart-scale";

describe("chart scale", () => {
  it("rounds the axis top up to 1, 2 or 5 × 10ⁿ", () => {
    expect([0, -3, Number.NaN, 1, 3, 7, 10, 11, 180, 201, 0.3].map(niceMax)).toEqual([
      1, 1, 1, 1, 5, 10, 10, 20, 200, 500, 0.5,
    ]);
  });

  it("scales values onto the axis, clamped to it", () => {
    expect(scaled(5, 10, 200)).toBe(100);
    expect(scaled(0, 10, 200)).toBe(0);
    expect(scaled(-1, 10, 200)).toBe(0);
    expect(scaled(30, 10, 200)).toBe(200);
    expect(scaled(3, 0, 200)).toBe(0);
  });

  it("stacks segments bottom up without passing the axis end", () => {
    expect(stack([1, 2, 0, 1], 5, 100)).toEqual([
      { start: 0, length: 20 },
      { start: 20, length: 40 },
      { start: 60, length: 0 },
      { start: 60, length: 20 },
    ]);
    expect(stack([4, 4], 5, 100)).toEqual([
      { start: 0, length: 80 },
      { start: 80, length: 20 },
    ]);
  });
});
