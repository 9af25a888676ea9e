import { describe, expect, it } from "vitest";
import { claimReviews } from "./claimreview";
import { exportCsv } from "./csv";
import { exportHtml } from "./html";
import { annotation, article, byId, htmlProblems, parseHtml, snapshot, spanOf, textContent } from "./test-helpers";
import { parseW3c, w3cCollection } from "./w3c";

/**
 * The notes rule (issue #13, item 1): the internal note is for the team and
 * never reaches a reader-facing export (HTML, ClaimReview, and the ClaimReview
 * inside the HTML); the CSV and W3C exports, for the team, keep it. The remark
 * for readers (publicNote) is printed in the HTML note and travels in the team
 * formats too.
 */
const INTERNAL = "Internal: call the ministry back before noon";
const REMARK = "The ministry corrected its figure on 3 March.";
const text = "The minister said unemployment fell by 5% last year. Critics disagree.";
const claim = annotation(text, {
  id: "claim",
  ...spanOf(text, "unemployment fell by 5% last year"),
  verdict: "FALSE",
  rationale: "The office says 2%.",
  note: INTERNAL,
  publicNote: REMARK,
});
const analysis = annotation(text, {
  id: "analysis",
  kind: "ANALYSIS",
  ...spanOf(text, "Critics disagree"),
  note: `${INTERNAL} (analysis)`,
});
const shot = snapshot(article(text, [{ type: "paragraph", start: 0, end: text.length }], [claim, analysis]));

describe("the internal note stays out of reader-facing exports", () => {
  const html = exportHtml(shot);

  it("HTML: no note text anywhere (notes, body, embedded ClaimReview), the remark for readers in the claim's note, labelled", async () => {
    expect(html).not.toContain("call the ministry back");
    expect(html).not.toContain("Note:");
    const note = textContent(byId(parseHtml(html), "note-1")!);
    expect(note).toContain(`Remark for readers: ${REMARK}`);
    expect(await htmlProblems(html)).toEqual([]);
  });

  it("ClaimReview JSON-LD: no note text", () => {
    const json = JSON.stringify(claimReviews(shot));
    expect(json).not.toContain("call the ministry back");
    expect(json).toContain("unemployment fell by 5%");
  });
});

describe("the team's exports keep the note and the remark", () => {
  it("CSV: a note and a public_note column", () => {
    const csv = exportCsv(shot);
    const [header, first] = csv.replace(/^\uFEFF/, "").split("\r\n");
    const columns = header.split(",");
    const cells = first.split(",");
    expect(cells[columns.indexOf("note")]).toBe(INTERNAL);
    expect(cells[columns.indexOf("public_note")]).toBe(REMARK);
  });

  it("W3C: both round-trip, the remark told apart from the note", () => {
    const collection = JSON.parse(JSON.stringify(w3cCollection(shot)));
    const { annotations } = parseW3c(collection);
    const parsed = annotations.find((a) => a.id?.endsWith("/claim"))!;
    expect(parsed.note).toBe(INTERNAL);
    expect(parsed.publicNote).toBe(REMARK);
    expect(annotations.find((a) => a.id?.endsWith("/analysis"))!.publicNote).toBeNull();
  });
});

describe("a claim marked not rated travels in the team's exports", () => {
  const marked = annotation(text, {
    id: "marked",
    ...spanOf(text, "Critics disagree"),
    notRatedReason: "No figures were published.",
  });
  const markedShot = snapshot(article(text, [{ type: "paragraph", start: 0, end: text.length }], [claim, marked]));

  it("W3C: the reason round-trips apart from a verdict; with a verdict as well it is dropped with a warning", () => {
    const collection = JSON.parse(JSON.stringify(w3cCollection(markedShot)));
    const { annotations } = parseW3c(collection);
    expect(annotations.find((a) => a.id?.endsWith("/marked"))).toMatchObject({
      kind: "CLAIM",
      verdict: null,
      notRatedReason: "No figures were published.",
      warnings: [],
    });
    expect(annotations.find((a) => a.id?.endsWith("/claim"))).toMatchObject({ verdict: "FALSE", notRatedReason: null });
    const both = {
      ...collection.first.items[1],
      body: [
        ...collection.first.items[1].body,
        { type: "TextualBody", purpose: "assessing", value: "False", "factmark:verdict": "FALSE" },
      ],
    };
    expect(parseW3c(both).annotations[0]).toMatchObject({
      verdict: "FALSE",
      notRatedReason: null,
      warnings: ["not-rated reason dropped: the annotation has a verdict"],
    });
  });

  it("CSV: a not_rated_reason column", () => {
    const [header, , second] = exportCsv(markedShot)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(second.split(",")[header.split(",").indexOf("not_rated_reason")]).toBe("No figures were published.");
  });
});
