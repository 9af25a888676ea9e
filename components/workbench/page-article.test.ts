import { describe, expect, it } from "vitest";
import { quoteAt } from "@/lib/anchoring/selector";
import { DETAIL_FIELDS, toAnnotationSummary, type AnnotationView, type ArticleView } from "@/lib/views/article-view";
import { articleFixture, annotation as fixture } from "./live/annotation-fixture";
import { packArticle, unpackArticle } from "./page-article";

// Surrogate pairs at the context edges: quoteAt moves an edge outward rather than split one.
const TEXT = `${"😀".repeat(20)} The minister said inflation rose by three percent. ${"Critics disagreed 🙂 loudly. ".repeat(4)}`;

function annotation(id: string, start: number, end: number, overrides: Partial<AnnotationView> = {}): AnnotationView {
  const anchor = end <= TEXT.length ? quoteAt(TEXT, start, end) : { quote: "", prefix: "", suffix: "" };
  return fixture({ id, articleId: "art", revisionId: "rev", start, end, ...anchor, ...overrides });
}

const at = TEXT.indexOf("minister");
const article = (annotations: AnnotationView[]): ArticleView =>
  articleFixture({
    revision: { id: "rev", number: 1, text: TEXT, blocks: [], note: null, createdAt: "2026-01-01T00:00:00.000Z" },
    annotations,
  });

describe("the workbench page's article", () => {
  it("leaves out what the text and ids give back, and unpacks to the same views", () => {
    const view = article([
      annotation("a1", at, at + 8),
      annotation("a2", 2, 10, { kind: "DENIAL", number: 3, label: "D3" }),
      annotation("a3", TEXT.length - 20, TEXT.length),
    ]);
    const packed = packArticle(view);
    for (const field of ["articleId", "revisionId", "label", "quote", "prefix", "suffix"])
      expect(packed.annotations[0]).not.toHaveProperty(field);
    expect(unpackArticle(packed)).toEqual(view);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(view).length - 3 * 100);
  });

  it("keeps any field that does not derive exactly (another revision, a stored context of another length, an old label)", () => {
    const odd = [
      annotation("a1", at, at + 8, { revisionId: "rev0", articleId: "other" }),
      annotation("a2", at, at + 8, { prefix: "said ", suffix: "" }),
      annotation("a3", at, at + 8, { label: "C9", quote: "Minister" }),
      annotation("a4", TEXT.length - 2, TEXT.length + 5, { quote: "past the end", prefix: "", suffix: "" }),
    ];
    const packed = packArticle(article(odd));
    expect(packed.annotations[0]).toMatchObject({ revisionId: "rev0", articleId: "other" });
    expect(packed.annotations[1]).toMatchObject({ prefix: "said ", suffix: "" });
    expect(packed.annotations[1]).not.toHaveProperty("quote");
    expect(packed.annotations[2]).toMatchObject({ label: "C9", quote: "Minister" });
    expect(unpackArticle(packed).annotations).toEqual(odd);
  });

  it("carries summaries: none of an annotation's details travel, and unpacking gives the summaries back", () => {
    const full = article([annotation("a1", at, at + 8, { note: "n".repeat(500), rationale: "r".repeat(500) })]);
    const page = { ...full, annotations: full.annotations.map(toAnnotationSummary) };
    const packed = packArticle(page);
    for (const field of DETAIL_FIELDS) expect(packed.annotations[0]).not.toHaveProperty(field);
    expect(unpackArticle(packed)).toEqual(page);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(packArticle(full)).length - 1000);
  });
});
