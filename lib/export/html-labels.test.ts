import { describe, expect, it } from "vitest";
import { exportHtml } from "./html";
import { annotation, article, byId, parseHtml, snapshot, spanOf, textContent } from "./test-helpers";

const text = "The minister said prices fell. Critics disagree.";
// Tagged in this order: the denial first, then the claim it denies (C3: two claims before it were deleted).
const claim = annotation(text, { id: "claim", number: 3, ...spanOf(text, "prices fell") });
const denial = annotation(text, {
  id: "denial",
  kind: "DENIAL",
  number: 1,
  ...spanOf(text, "Critics disagree"),
  deniesId: "claim",
});
const document = parseHtml(
  exportHtml(snapshot(article(text, [{ type: "paragraph", start: 0, end: text.length }], [denial, claim]))),
);

describe("exportHtml labels", () => {
  it("names each note by the label the team uses (C3, D1) beside its reading-order number", () => {
    expect(textContent(byId(document, "note-1")!)).toContain("[1] Claim C3");
    expect(textContent(byId(document, "note-2")!)).toContain("[2] Denial D1");
  });

  it("names the denied claim by its label", () => {
    expect(textContent(byId(document, "note-2")!)).toContain("Denies: claim C3 [1]");
  });
});
