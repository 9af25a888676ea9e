import { describe, expect, it } from "vitest";
import { PALETTE, STYLESHEET, TEXT_ON_BACKGROUND } from "./style";

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe("export stylesheet", () => {
  it("computes contrast like WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it.each(TEXT_ON_BACKGROUND)("%s on %s (%s) meets WCAG AA for normal text", (text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it("uses no colour outside the checked palette, and loads nothing", () => {
    const used = new Set(STYLESHEET.match(/#[0-9a-f]{3,6}\b/gi)?.map((c) => c.toLowerCase()));
    const allowed = new Set([...Object.values(PALETTE), "#000", "#fff"]);
    expect([...used].filter((c) => !allowed.has(c))).toEqual([]);
    expect(STYLESHEET).not.toMatch(/url\(|@import|@font-face/i);
  });

  it("tells kinds apart by line pattern, in print too, and prints link targets", () => {
    expect(STYLESHEET).toMatch(/\.k-claim\{[^}]*border-bottom:2px solid/);
    expect(STYLESHEET).toMatch(/\.k-denial\{[^}]*underline wavy/);
    expect(STYLESHEET).toMatch(/\.k-analysis\{[^}]*border-top:2px dotted/);
    const print = STYLESHEET.slice(STYLESHEET.indexOf("@media print"));
    expect(print).toContain('a.url[href^="http"]::after{content:" <" attr(href) ">"');
    expect(print).toMatch(/\.draft-banner\{[^}]*border:4px double #000/);
    expect(print).not.toMatch(/\.draft-banner\{[^}]*display:none/);
  });
});
