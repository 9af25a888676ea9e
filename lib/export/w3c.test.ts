import { describe, expect, it } from "vitest";
import type { AnnotationView } from "../views/article-view";
import { annotation, article, snapshot, source, spanOf } from "./test-helpers";
import { anchorParsed, annotationIri, parseW3c, w3cCollection } from "./w3c";
import { checkW3c } from "./w3c-conformance";
import { ANNO_CONTEXT, MOTIVATIONS } from "./w3c-vocab";

const text =
  "The minister said prices fell by 5% last year. Critics disagree. “Prices rose,” said one economist, citing data.";
const claim = annotation(text, {
  id: "claim",
  ...spanOf(text, "prices fell by 5% last year"),
  speaker: "The minister",
  verdict: "MOSTLY_FALSE",
  rationale: "Official data show a 2% fall.",
  note: "Checked against the statistics office.\r\nSecond line.",
  sources: [
    source("https://stats.example/cpi", {
      title: "CPI bulletin",
      publisher: "Stats Office",
      quote: "prices fell 2%",
      accessedAt: "2024-03-01T00:00:00.000Z",
      archiveUrl: "https://archive.example/cpi",
    }),
    source("https://archive-only.example/", { archiveUrl: "https://archive.example/x" }),
    source("http://plain.example/"),
  ],
});
const denial = annotation(text, {
  id: "denial",
  kind: "DENIAL",
  ...spanOf(text, "“Prices rose,”"),
  speaker: "one economist",
  deniesId: "claim",
  verdict: "UNVERIFIABLE",
});
const unrated = annotation(text, { id: "unrated", ...spanOf(text, "Critics disagree") });
const analysis = annotation(text, {
  id: "analysis",
  kind: "ANALYSIS",
  ...spanOf(text, "5% last year. Critics"),
  note: "Overlaps both.",
});
const all = [analysis, denial, unrated, claim];
const shot = snapshot(article(text, [], all));
const collection = w3cCollection(shot) as { first: { items: Record<string, unknown>[] } } & Record<string, unknown>;
const items = collection.first.items;
const itemOf = (id: string) => items.find((item) => item.id === annotationIri(shot.articleUrl, id))!;

describe("w3cCollection", () => {
  it("meets the MUSTs of the Web Annotation Data Model", () => {
    expect(checkW3c(collection)).toEqual([]);
    for (const item of items) expect(checkW3c({ "@context": ANNO_CONTEXT, ...item })).toEqual([]);
  });

  it("is one AnnotationCollection with an embedded first page in reading order", () => {
    expect(collection).toMatchObject({
      id: "https://factmark.example/articles/a1/annotations",
      type: "AnnotationCollection",
      total: 4,
      first: { type: "AnnotationPage", startIndex: 0 },
    });
    expect((collection["@context"] as unknown[])[0]).toBe(ANNO_CONTEXT);
    expect(items.map((item) => item.id)).toEqual(
      ["claim", "analysis", "unrated", "denial"].map((id) => annotationIri(shot.articleUrl, id)),
    );
  });

  it("motivates rated claims and denials by assessing, unrated ones by classifying, analysis by commenting", () => {
    expect(items.map((item) => item.motivation)).toEqual(["assessing", "commenting", "classifying", "assessing"]);
    for (const item of items) {
      for (const body of item.body as { purpose: string }[]) expect(MOTIVATIONS).toContain(body.purpose);
    }
  });

  it("targets the source page with a quote and a position selector", () => {
    expect(itemOf("claim").target).toEqual({
      type: "SpecificResource",
      source: "https://news.example/story",
      state: { type: "TimeState", sourceDate: "2024-03-01T08:00:00.000Z" },
      "factmark:revision": {
        id: "https://factmark.example/articles/a1/revisions/1",
        "factmark:number": 1,
        "factmark:revisionId": "r1",
      },
      "factmark:anchor": { "factmark:status": "ANCHORED", "factmark:score": 1 },
      selector: [
        { type: "TextQuoteSelector", exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    });
    const local = w3cCollection(
      snapshot(article(text, [], [claim], { sourceUrl: "javascript:alert(1)" })),
    ) as typeof collection;
    expect((local.first.items[0].target as { source: string }).source).toBe("https://factmark.example/articles/a1");
  });

  it("links a denial to the claim's IRI and sources as linking SpecificResources", () => {
    const bodies = itemOf("denial").body as Record<string, unknown>[];
    expect(bodies).toContainEqual({
      type: "SpecificResource",
      purpose: "linking",
      source: annotationIri(shot.articleUrl, "claim"),
      "factmark:role": "denies",
    });
    expect((itemOf("claim").body as Record<string, unknown>[]).filter((body) => body.purpose === "linking")[0]).toEqual(
      {
        type: "SpecificResource",
        purpose: "linking",
        source: {
          id: "https://stats.example/cpi",
          type: "Text",
          "dcterms:title": "CPI bulletin",
          "dcterms:publisher": "Stats Office",
        },
        selector: { type: "TextQuoteSelector", exact: "prices fell 2%" },
        state: { type: "TimeState", sourceDate: "2024-03-01T00:00:00.000Z", cached: "https://archive.example/cpi" },
      },
    );
  });

  it("has no page for an article without annotations (a page must hold one)", () => {
    const empty = w3cCollection(snapshot(article(text, [], [])));
    expect(empty).not.toHaveProperty("first");
    expect(checkW3c(empty)).toEqual([]);
  });
});

describe("parseW3c", () => {
  it("round-trips every annotation of our export", () => {
    const { annotations, rejected } = parseW3c(JSON.parse(JSON.stringify(collection)));
    expect(rejected).toEqual([]);
    expect(annotations).toHaveLength(all.length);
    for (const parsed of annotations) {
      const original = all.find((a) => annotationIri(shot.articleUrl, a.id) === parsed.id)!;
      const place = anchorParsed(text, parsed);
      expect(place).toEqual({ start: original.start, end: original.end });
      expect(parsed.quote?.exact).toBe(original.quote);
      expect(parsed).toMatchObject({
        kind: original.kind,
        speaker: original.speaker,
        verdict: original.verdict,
        rationale: original.rationale,
        note: original.note,
        status: original.status,
        creator: original.createdBy.name,
        created: original.createdAt,
        modified: original.updatedAt,
        deniesId: original.deniesId ? annotationIri(shot.articleUrl, original.deniesId) : null,
        warnings: [],
      });
      expect(parsed.sources).toEqual(
        original.sources.map(
          ({ url, title, publisher, quote, accessedAt, archiveUrl }: AnnotationView["sources"][number]) => ({
            url,
            title,
            publisher,
            quote,
            accessedAt,
            archiveUrl,
          }),
        ),
      );
    }
  });

  it("re-anchors after the text changed around the quotes", () => {
    const edited = `Update: ${text.replace("Critics disagree.", "Critics, however, disagree.")}`;
    for (const parsed of parseW3c(collection).annotations) {
      const place = anchorParsed(edited, parsed);
      if (parsed.id?.endsWith("/unrated"))
        expect(place).toEqual({ reason: "the quote “Critics disagree” no longer appears in the text" });
      else if ("start" in place) expect(edited.slice(place.start, place.end)).toBe(parsed.quote?.exact);
      else throw new Error(place.reason);
    }
  });

  it("accepts a single annotation, an array, a page and a collection of linked embedded pages", () => {
    const [one, two] = items;
    expect(parseW3c({ "@context": ANNO_CONTEXT, ...one }).annotations).toHaveLength(1);
    expect(parseW3c([one, two]).annotations).toHaveLength(2);
    expect(parseW3c({ type: "AnnotationPage", items: [one, two] }).annotations).toHaveLength(2);
    const chained = {
      type: "AnnotationCollection",
      first: { type: "AnnotationPage", items: [one], next: { type: "AnnotationPage", items: [two] } },
    };
    expect(parseW3c(chained).annotations.map((a) => a.index)).toEqual([0, 1]);
  });

  it("reads a foreign minimal annotation: a quote selector and a comment make an analysis", () => {
    const foreign = {
      "@context": ANNO_CONTEXT,
      type: "Annotation",
      body: { type: "TextualBody", value: "Worth checking.", purpose: "commenting" },
      target: {
        source: "https://elsewhere.example/page",
        selector: { type: "TextQuoteSelector", exact: "Critics disagree" },
      },
    };
    const { annotations, rejected } = parseW3c(foreign);
    expect(rejected).toEqual([]);
    expect(annotations[0]).toMatchObject({
      id: null,
      kind: "ANALYSIS",
      note: "Worth checking.",
      verdict: null,
      speaker: null,
      sources: [],
      position: null,
      targetSource: "https://elsewhere.example/page",
    });
    expect(anchorParsed(text, annotations[0])).toEqual(spanOf(text, "Critics disagree"));
  });

  it("reads bodyValue, bare IRI bodies, verdict labels and foreign tags, warning about what it keeps out", () => {
    const { annotations } = parseW3c({
      type: "Annotation",
      id: "urn:x:1",
      motivation: "assessing",
      bodyValue: "A note.",
      body: [
        "https://evidence.example/a",
        "mailto:someone@example.com",
        { type: "TextualBody", value: "mostly-false" },
        { type: "TextualBody", purpose: "tagging", value: "economy" },
        { type: "TextualBody", purpose: "classifying", value: "opinion" },
        { type: "SpecificResource", purpose: "linking", source: "javascript:alert(1)" },
      ],
      target: [
        { source: "https://x.example/" },
        {
          selector: [
            { type: "XPathSelector", value: "/p[1]" },
            { type: "TextPositionSelector", start: 4, end: 12 },
          ],
        },
      ],
    });
    expect(annotations[0]).toMatchObject({
      id: "urn:x:1",
      kind: "CLAIM",
      verdict: "MOSTLY_FALSE",
      note: "A note.",
      sources: [{ url: "https://evidence.example/a" }],
      position: { start: 4, end: 12 },
      quote: null,
    });
    expect(annotations[0].warnings).toEqual([
      "selector 0 of target 1 (XPathSelector) ignored: only TextQuoteSelector and TextPositionSelector are read",
      "target 0 has no selector (a whole resource cannot be anchored in the text)",
      'body 1 ignored: source "mailto:someone@example.com" is not an http(s) URL',
      'body 3 ignored: the tag "economy" is not marked as the speaker',
      'body 4 ignored: unknown kind "opinion"',
      'body 5 ignored: source "javascript:alert(1)" is not an http(s) URL',
    ]);
  });

  it("keeps an annotation with an unknown verdict but drops the verdict, and drops a verdict on analysis", () => {
    const base = { type: "Annotation", target: { selector: { type: "TextQuoteSelector", exact: "Critics" } } };
    const unknown = parseW3c({ ...base, body: { type: "TextualBody", purpose: "assessing", value: "Pants on fire" } })
      .annotations[0];
    expect(unknown).toMatchObject({
      kind: "ANALYSIS",
      verdict: null,
      warnings: ['body 0: unknown verdict "Pants on fire" dropped'],
    });
    const analysisWithVerdict = parseW3c({
      ...base,
      body: [
        { type: "TextualBody", purpose: "classifying", value: "analysis" },
        { type: "TextualBody", purpose: "assessing", value: "True" },
      ],
    }).annotations[0];
    expect(analysisWithVerdict).toMatchObject({
      kind: "ANALYSIS",
      verdict: null,
      warnings: ["verdict TRUE dropped: analysis takes no verdict"],
    });
  });

  it("rejects malformed entries with a reason and keeps the good ones", () => {
    const good = items[0];
    const { annotations, rejected } = parseW3c([
      good,
      "not an object",
      { type: "Note", target: "x" },
      { type: "Annotation", id: "not an iri", target: { selector: { type: "TextQuoteSelector", exact: "x" } } },
      { type: "Annotation", id: "urn:x:no-target" },
      { type: "Annotation", target: "https://whole.example/page" },
      { type: "Annotation", target: { selector: { type: "TextQuoteSelector", exact: "" } } },
      { type: "Annotation", target: { selector: { type: "TextPositionSelector", start: 5, end: 2 } } },
      { type: "Annotation", target: { selector: { type: "TextPositionSelector", start: 1.5, end: "9" } } },
      { type: "Annotation", target: { selector: { type: "CssSelector", value: "p" } } },
    ]);
    expect(annotations.map((a) => a.index)).toEqual([0]);
    expect(rejected).toEqual([
      { index: 1, reason: "not a JSON object" },
      { index: 2, reason: 'its type is not "Annotation"' },
      { index: 3, id: "not an iri", reason: "id: must be an absolute IRI" },
      { index: 4, id: "urn:x:no-target", reason: "target: an annotation needs at least one target" },
      { index: 5, reason: "target 0 has no selector (a whole resource cannot be anchored in the text)" },
      { index: 6, reason: "TextQuoteSelector 0: exact: exact must not be empty" },
      { index: 7, reason: "TextPositionSelector 0: start must be less than end" },
      { index: 8, reason: expect.stringMatching(/^TextPositionSelector 0: start: .*; end: /) },
      { index: 9, reason: "no target with a TextQuoteSelector or TextPositionSelector" },
    ]);
  });

  it("rejects documents that are not Web Annotations at all, and unembedded pages", () => {
    expect(parseW3c(42).rejected).toEqual([{ index: 0, reason: "the document is not a JSON object or array" }]);
    expect(parseW3c({ hello: "world" }).rejected[0].reason).toMatch(/^expected an Annotation/);
    expect(parseW3c({ type: "AnnotationCollection", first: "https://x.example/page1" }).rejected).toEqual([
      {
        index: 0,
        reason: "the collection's page https://x.example/page1 is not embedded: fetch it and parse it on its own",
      },
    ]);
  });
});

describe("checkW3c", () => {
  it("reports the model's violations", () => {
    const bad = {
      "@context": "http://example.org/other",
      type: "Annotation",
      id: "no iri",
      motivation: "liking",
      created: "yesterday",
      body: [{ type: "TextualBody", purpose: "shouting" }, 42],
      target: [
        {
          type: "SpecificResource",
          selector: [
            { type: "TextQuoteSelector" },
            { type: "TextPositionSelector", start: 3, end: 1 },
            { type: "TextPositionSelector", start: -1, end: 2.5 },
          ],
        },
      ],
    };
    expect(checkW3c(bad)).toEqual([
      '$.@context: must be or include "http://www.w3.org/ns/anno.jsonld"',
      "$.id: an Annotation must have an IRI",
      '$.motivation: "liking" is not a motivation of the model',
      "$.created: must be an xsd:dateTime with a timezone",
      '$.body[0].purpose: "shouting" is not a motivation of the model',
      "$.body[0].value: a TextualBody must have exactly one string value",
      "$.body[1]: must be an IRI or an object",
      "$.target[0].source: a SpecificResource must have exactly one source IRI",
      "$.target[0].selector[0].exact: a TextQuoteSelector must have exactly one exact string",
      "$.target[0].selector[1]: start must not be after end",
      "$.target[0].selector[2]: a TextPositionSelector must have non-negative integer start and end",
    ]);
    expect(checkW3c({ "@context": [ANNO_CONTEXT], type: "Annotation", id: "urn:a" })).toEqual([
      "$.@context: a single context must be given as a string",
      "$.target: an Annotation must have at least one target",
    ]);
    expect(
      checkW3c({
        "@context": ANNO_CONTEXT,
        type: "AnnotationCollection",
        total: 2,
        first: { type: "AnnotationPage", items: [] },
      }),
    ).toEqual([
      "$.id: an AnnotationCollection must have an IRI",
      "$.label: should be a string",
      "$.first.id: an AnnotationPage must have an IRI",
      "$.first.items: must be a list of one or more annotations",
    ]);
  });
});
