import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteAt } from "@/lib/anchoring/selector";
import {
  DETAIL_FIELDS,
  toAnnotationSummary,
  type AnnotationSummary,
  type AnnotationView,
  type ArticleSummaryView,
} from "@/lib/views/article-view";
import { articleFixture, annotation as fixture } from "./live/annotation-fixture";
import { frontCode, frontDecode, packArticle, unpackArticle } from "./page-article";

// Surrogate pairs at the context edges: quoteAt moves an edge outward rather than split one.
const TEXT = `${"😀".repeat(20)} The minister said inflation rose by three percent. ${"Critics disagreed 🙂 loudly. ".repeat(4)}`;

function annotation(
  id: string,
  start: number,
  end: number,
  overrides: Partial<AnnotationView> = {},
): AnnotationSummary {
  const anchor = end <= TEXT.length ? quoteAt(TEXT, start, end) : { quote: "", prefix: "", suffix: "" };
  return toAnnotationSummary(fixture({ id, articleId: "art", revisionId: "rev", start, end, ...anchor, ...overrides }));
}

const at = TEXT.indexOf("minister");
const article = (annotations: AnnotationSummary[]): ArticleSummaryView => ({
  ...articleFixture({
    revision: { id: "rev", number: 1, text: TEXT, blocks: [], note: null, createdAt: "2026-01-01T00:00:00.000Z" },
  }),
  annotations,
});

describe("the workbench page's article", () => {
  it("sends the summaries in columns without what the text and ids give back, and unpacks to the same summaries", () => {
    const view = article([
      annotation("a1", at, at + 8),
      annotation("a2", 2, 10, { kind: "DENIAL", number: 3, label: "D3", deniesId: "a1", editorIds: ["u2"] }),
      annotation("a3", TEXT.length - 20, TEXT.length, { verdict: "FALSE", status: "APPROVED", version: 4 }),
    ]);
    const packed = packArticle(view);
    const wire = JSON.stringify(packed.annotations);
    for (const field of ["articleId", "revisionId", "label", "quote", "prefix", "suffix", ...DETAIL_FIELDS])
      expect(wire).not.toContain(`"${field}"`);
    // Only what is not a default or derived travels per annotation.
    expect(packed.annotations.extra).toEqual({ 1: { deniesId: "a1", editorIds: ["u2"] } });
    expect(packed.annotations.kind.values).toEqual(["CLAIM", "DENIAL"]);
    expect(unpackArticle(packed)).toEqual(view);
    expect(unpackArticle(JSON.parse(JSON.stringify(packed)))).toEqual(view);
  });

  it("keeps any field that does not derive exactly (another revision, a stored context of another length, an old label)", () => {
    const odd = [
      annotation("a1", at, at + 8, { revisionId: "rev0", articleId: "other", previousQuote: "old words" }),
      annotation("a2", at, at + 8, { prefix: "said ", suffix: "", notRatedReason: "no data" }),
      annotation("a3", at, at + 8, { label: "C9", quote: "Minister", anchor: { status: "CHANGED", score: 0.5 } }),
      annotation("a4", TEXT.length - 2, TEXT.length + 5, { quote: "past the end", prefix: "", suffix: "" }),
    ];
    const packed = packArticle(article(odd));
    expect(packed.annotations.extra[0]).toEqual({ revisionId: "rev0", articleId: "other", previousQuote: "old words" });
    expect(packed.annotations.extra[1]).toEqual({ prefix: "said ", suffix: "", notRatedReason: "no data" });
    expect(packed.annotations.extra[2]).toEqual({ label: "C9", quote: "Minister" });
    expect(unpackArticle(packed).annotations).toEqual(odd);
  });

  it("at many annotations, columns compress to well under the objects they replace", () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      annotation(`c${i.toString(36).padStart(24, "x")}`, (i * 7) % 200, ((i * 7) % 200) + 5, {
        number: i + 1,
        speaker: i % 3 ? "The minister" : null,
        status: i % 2 ? "DRAFT" : "SUBMITTED",
      }),
    );
    const view = article(many);
    const packed = packArticle(view);
    const gzip = (value: unknown) => zlib.gzipSync(JSON.stringify(value)).length;
    expect(gzip(packed.annotations)).toBeLessThan(gzip(view.annotations) * 0.75);
    expect(unpackArticle(packed)).toEqual(view);
  });

  it("front-codes ids so that any list of ids decodes to itself, and sends a list holding the separator as it is", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("c", "m", "x", "0", "1", "é", " ") })), (ids) => {
        expect(frontDecode(frontCode(ids))).toEqual(ids);
      }),
    );
    expect(frontCode(["a b", "c"])).toEqual(["a b", "c"]);
    // Shared prefixes travel as one digit: "cmx42" then "cmx43" is "0cmx42" and "4" + "3".
    expect(frontCode(["cmx42", "cmx43"])).toBe("0cmx42 43");
  });
});
