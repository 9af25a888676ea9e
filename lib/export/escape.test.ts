import { describe, expect, it } from "vitest";
import { escapeAttr, escapeHtml, jsonForScript } from "./escape";
import { attr, byTag, parseHtml, textContent } from "./test-helpers";

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "&amp; &lt; &#39;",
  'it\'s "quoted"',
  "a\r\nb\rc",
  "\u202Eevil\u202C 👍🏽",
  "</style></title></textarea>",
];

describe("escapeHtml", () => {
  it("escapes &, <, > and CR, and leaves everything else alone", () => {
    expect(escapeHtml(`a & b < c > d "e" 'f'\r`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'&#13;`);
    expect(escapeHtml("plain text, ünïcødé, 🚲")).toBe("plain text, ünïcødé, 🚲");
    expect(escapeHtml("")).toBe("");
  });

  it("escapes an existing entity again, so it reads as typed", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });

  it("escapes right call after call, whether or not a string has anything to escape", () => {
    // The fast path tests before replacing; a stateful (global) regex there would skip matches on later calls.
    for (const value of ["a & b", "no specials", "c < d", "e > f", "&", "plain", "x\ry"]) {
      expect(escapeHtml(value)).toBe(
        value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;"),
      );
      expect(escapeAttr(value)).toBe(escapeHtml(value).replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    }
  });

  it.each(HOSTILE)("comes back verbatim as element text: %j", (value) => {
    const document = parseHtml(`<!doctype html><title>${escapeHtml(value)}</title><p>${escapeHtml(value)}</p>`);
    expect(textContent(byTag(document, "title")[0])).toBe(value);
    expect(textContent(byTag(document, "p")[0])).toBe(value);
    expect(byTag(document, "script")).toHaveLength(0);
    expect(byTag(document, "img")).toHaveLength(0);
  });
});

describe("escapeAttr", () => {
  it("also escapes both quote characters", () => {
    expect(escapeAttr(`"' & <>\r`)).toBe("&quot;&#39; &amp; &lt;&gt;&#13;");
  });

  it.each(HOSTILE)("comes back verbatim as a double-quoted attribute: %j", (value) => {
    const document = parseHtml(`<!doctype html><p title="${escapeAttr(value)}" data-x="${escapeAttr(value)}">x</p>`);
    const [p] = byTag(document, "p");
    expect(attr(p, "title")).toBe(value);
    expect(attr(p, "data-x")).toBe(value);
    expect(p.attrs.map((a) => a.name)).toEqual(["title", "data-x"]);
  });
});

describe("jsonForScript", () => {
  it("writes the same JSON with every < as \\u003c, so nothing can close the script", () => {
    const value = { text: "</script><!-- <b>", list: ["<", "a"] };
    const json = jsonForScript(value);
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual(value);
    expect(jsonForScript("plain")).toBe('"plain"');
  });
});
