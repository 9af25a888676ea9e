import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "./audit-text";

const ana = { name: "Ana" };

describe("describeAuditEvent", () => {
  it.each([
    [
      { action: "annotation.approved", actor: ana, payload: {} },
      "claim “Crime fell”",
      "Ana approved claim “Crime fell”",
    ],
    [
      { action: "annotation.changes_requested", actor: ana, payload: { note: "Cite it" } },
      "the annotation",
      "Ana requested changes to the annotation — “Cite it”",
    ],
    [
      { action: "annotation.created", actor: ana, payload: { kind: "DENIAL", quote: "not true" } },
      undefined,
      "Ana tagged a denial “not true”",
    ],
    [
      { action: "annotation.updated", actor: ana, payload: { fields: ["verdict"], from: "APPROVED", to: "DRAFT" } },
      "claim “x”",
      "Ana edited claim “x” (verdict); it went back from approved to draft",
    ],
    [
      { action: "annotation.created", actor: ana, payload: { kind: "CLAIM", number: 3, quote: "Crime fell" } },
      undefined,
      "Ana tagged claim C3 “Crime fell”",
    ],
    [
      { action: "annotation.deleted", actor: ana, payload: { kind: "DENIAL", number: 2, quote: "No" } },
      undefined,
      "Ana deleted denial D2 “No”",
    ],
    [
      { action: "annotation.updated", actor: ana, payload: { fields: ["deniesId", "speaker"] } },
      "denial D1 “x”",
      "Ana edited denial D1 “x” (denied claim, speaker)",
    ],
    [
      {
        action: "annotation.updated",
        actor: ana,
        payload: {
          fields: ["verdict", "rationale"],
          changes: { verdict: { from: "FALSE", to: "MOSTLY_TRUE" }, rationale: { from: "Was wrong", to: "Is right" } },
          label: "C3",
        },
      },
      "claim C3 “x”",
      "Ana edited claim C3 “x”: verdict: False → Mostly true; rationale: “Was wrong” → “Is right”",
    ],
    [
      {
        action: "annotation.updated",
        actor: ana,
        payload: {
          fields: ["kind", "deniesId"],
          changes: { kind: { from: "CLAIM", to: "DENIAL" }, deniesId: { from: null, to: "C1" } },
          label: { from: "C3", to: "D2" },
        },
      },
      "denial D2 “x”",
      "Ana edited denial D2 “x”: kind: Claim C3 → Denial D2; denied claim: none → C1",
    ],
    [
      {
        action: "source.updated",
        actor: ana,
        payload: { fields: ["title"], changes: { title: { from: "Old", to: "New" } } },
      },
      "claim C1 “x”",
      "Ana edited a source of claim C1 “x”: title: “Old” → “New”",
    ],
    [
      { action: "source.updated", actor: ana, payload: { fields: ["title"] } },
      "claim C1 “x”",
      "Ana edited a source of claim C1 “x” (title)",
    ],
    [
      { action: "article.signed_off", actor: ana, payload: { note: "Go" } },
      undefined,
      "Ana signed off the article — “Go”",
    ],
    [
      { action: "article.reopened", actor: null, payload: { note: "Correction" } },
      undefined,
      "The command line reopened the article — “Correction”",
    ],
    [
      {
        action: "article.updated",
        actor: { name: "Ed" },
        payload: { fields: ["publicUrl"], publicUrl: { from: null, to: "https://checks.example/a1" } },
      },
      undefined,
      "Ed set the article's public address to https://checks.example/a1",
    ],
    [
      {
        action: "article.updated",
        actor: { name: "Ed" },
        payload: { fields: ["publicUrl"], publicUrl: { from: "https://checks.example/a1", to: null } },
      },
      undefined,
      "Ed set the article's public address back to the default",
    ],
    [
      {
        action: "comment.created",
        actor: ana,
        payload: { commentId: "c1", version: 1, excerpt: "Is there a transcript?" },
      },
      "claim “Crime fell”",
      "Ana commented on claim “Crime fell”: “Is there a transcript?”",
    ],
    [
      {
        action: "comment.updated",
        actor: ana,
        payload: { commentId: "c1", version: 2, excerpt: "Found the transcript" },
      },
      "claim “Crime fell”",
      "Ana edited a comment on claim “Crime fell”: “Found the transcript”",
    ],
    [
      { action: "comment.deleted", actor: ana, payload: { commentId: "c1", version: 2, excerpt: "Found it" } },
      "claim “Crime fell”",
      "Ana deleted a comment on claim “Crime fell”: “Found it”",
    ],
    [
      {
        action: "comment.deleted",
        actor: ana,
        payload: { commentId: "c2", version: 1, excerpt: "spam", authorName: "Bo" },
      },
      "an annotation",
      "Ana deleted a comment by Bo on an annotation: “spam”",
    ],
    [{ action: "comment.created", actor: ana, payload: {} }, undefined, "Ana commented on the annotation"],
    // #16: revisions, and what they did to each annotation.
    [
      {
        action: "article.revised",
        actor: ana,
        payload: { number: 2, note: "correction appended at 14:00", anchored: 5, changed: 1, orphaned: 2 },
      },
      undefined,
      "Ana added revision 2 of the article — “correction appended at 14:00” (5 annotation(s) kept, 1 with changed words, 2 not placed)",
    ],
    [
      { action: "article.revised", actor: null, payload: {} },
      undefined,
      "The command line added a revision of the article",
    ],
    [
      {
        action: "annotation.reanchored",
        actor: ana,
        payload: { revision: 2, status: "ANCHORED", from: { quote: "rose" }, to: { quote: "rose" } },
      },
      undefined,
      "The annotation moved in revision 2",
    ],
    [
      {
        action: "annotation.reanchored",
        actor: ana,
        payload: {
          revision: 3,
          status: "CHANGED",
          from: { start: 4, end: 13, quote: "rose 20%" },
          to: { start: 4, end: 13, quote: "rose 12%" },
          workflow: { from: "APPROVED", to: "DRAFT" },
        },
      },
      "claim C2 “rose 20%”",
      "Claim C2 “rose 20%” had its words changed in revision 3: ‘rose 20%’ → ‘rose 12%’; it went back from approved to draft",
    ],
    [
      { action: "annotation.reanchored", actor: ana, payload: { revision: 3, status: "ORPHANED", to: null } },
      undefined,
      "The annotation could not be placed in revision 3",
    ],
    [
      {
        action: "annotation.placed",
        actor: ana,
        payload: { revision: 3, to: { start: 0, end: 4, quote: "rose" }, workflow: { from: "ORPHANED", to: "DRAFT" } },
      },
      undefined,
      "The annotation was placed by Ana in revision 3 on ‘rose’; it went back from orphaned to draft",
    ],
    [
      {
        action: "annotation.basis_changed",
        actor: ana,
        payload: {
          basedOn: { id: "x", label: "C3", articleId: "a", articleTitle: "Budget speech" },
          from: "FALSE",
          to: "MOSTLY_TRUE",
          version: 4,
        },
      },
      "claim C1 “rose 20%”",
      "Ana changed the verdict of C3 in “Budget speech” from False to Mostly true; claim C1 “rose 20%” reused it, so sign-off waits until its verdict is kept or changed",
    ],
    // A stored row read defensively: an unknown verdict reads as none, a missing link as "the annotation".
    [
      { action: "annotation.basis_changed", actor: ana, payload: { from: "SOMETIMES", to: null } },
      undefined,
      "Ana changed the verdict of the annotation from No verdict to No verdict; the annotation reused it, so sign-off waits until its verdict is kept or changed",
    ],
    [{ action: "something.new", actor: ana, payload: {} }, undefined, "Ana: something.new"],
  ])("%o reads as a sentence", (event, subject, sentence) => {
    expect(describeAuditEvent(event, subject)).toBe(sentence);
  });

  it("shortens long quotes", () => {
    const sentence = describeAuditEvent({
      action: "annotation.deleted",
      actor: ana,
      payload: { kind: "CLAIM", quote: "x".repeat(100) },
    });
    expect(sentence).toBe(`Ana deleted a claim “${"x".repeat(57)}…”`);
    expect(
      describeAuditEvent({ action: "comment.created", actor: ana, payload: { excerpt: "y".repeat(80) } }, "claim “x”"),
    ).toBe(`Ana commented on claim “x”: “${"y".repeat(57)}…”`);
  });
});
