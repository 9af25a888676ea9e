import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { readAnnotation } from "@/lib/server/annotation/read-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { signOffArticle } from "@/lib/server/article/sign-off-article";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { findSimilarClaims } from "@/lib/server/claims/find-similar-claims";
import { loadAnnotationSummaries } from "@/lib/server/article/article-annotations";
import { eventsSince } from "@/lib/realtime/article-events";
import { createActor } from "../support/actors";
import { refusal } from "../support/refusal";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// "Checked before" (decision 030): the earlier claim is found from another article's wording, reused through the
// update path (basedOnId), shown on both sides, and a later change of its verdict flags the reuse until the
// reusing annotation's own verdict is saved again.
const provider = testProvider();
const EARLIER = "Unemployment rose by 20 per cent in the last year, the minister said.";
const LATER = "The opposition repeated that joblessness jumped twenty percent last year.";
const OTHER = "Unemployment rose by 12 per cent in the last year, a second speaker said.";

let t: MigratedTestDatabase;
let editor: Actor;

const whole = (text: string, phrase: string) => ({
  start: text.indexOf(phrase),
  end: text.indexOf(phrase) + phrase.length,
});

/** An article holding `text`, and a claim on `phrase` of it with `extra` (verdict, rationale, sources…). */
async function claimIn(title: string, text: string, phrase: string, extra: Record<string, unknown> = {}) {
  const article = await createArticle(t.db, { actor: editor, input: { title, text } });
  const claim = await createAnnotation(t.db, {
    actor: editor,
    articleId: article.id,
    input: { kind: "CLAIM", ...whole(text, phrase), ...extra },
  });
  return { article, claim };
}

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "reuse@example.org");
});
afterAll(() => t?.close());

describe(`claim reuse on ${provider}`, () => {
  it("finds the earlier claim, reuses it with a link both ways, and flags the reuse when its verdict changes", async () => {
    const { article: a, claim: earlier } = await claimIn(
      "Article A",
      EARLIER,
      "Unemployment rose by 20 per cent in the last year",
      {
        verdict: "FALSE",
        rationale: "The statistics office says 4 per cent.",
        sources: [{ url: "https://stats.example.org/labour", title: "Labour market" }],
      },
    );
    const { claim: other } = await claimIn("Article C", OTHER, "Unemployment rose by 12 per cent in the last year", {
      verdict: "TRUE",
    });
    const { article: b, claim: later } = await claimIn(
      "Article B",
      LATER,
      "joblessness jumped twenty percent last year",
    );

    const { items } = await findSimilarClaims(t.db, {
      actor: editor,
      input: { text: later.quote, excludeArticleId: b.id },
    });
    expect(items.map((item) => [item.annotationId, item.relation])).toEqual([
      [earlier.id, "same"],
      [other.id, "different-figure"],
    ]);
    expect(items[0]).toMatchObject({ articleTitle: "Article A", verdict: "FALSE", label: "C1", status: "DRAFT" });
    expect(items[0].rationaleExcerpt).toBe("The statistics office says 4 per cent.");
    // Its own article is left out when asked.
    const own = await findSimilarClaims(t.db, { actor: editor, input: { text: EARLIER, excludeArticleId: a.id } });
    expect(own.items.map((item) => item.annotationId)).not.toContain(earlier.id);

    const reused = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: later.id,
      input: {
        version: later.version,
        verdict: earlier.verdict,
        rationale: earlier.rationale,
        sources: earlier.sources.map(({ url, title }) => ({ url, title })),
        basedOnId: earlier.id,
      },
    });
    expect(reused).toMatchObject({ basedOnId: earlier.id, verdict: "FALSE", status: "DRAFT", basedOnChangedAt: null });
    expect((await readAnnotation(t.db, { actor: editor, annotationId: later.id })).basedOn).toEqual({
      id: earlier.id,
      label: "C1",
      articleId: a.id,
      articleTitle: "Article A",
      verdict: "FALSE",
    });
    const basis = await readAnnotation(t.db, { actor: editor, annotationId: earlier.id });
    expect(basis.reusedByCount).toBe(1);
    expect(basis.reusedBy?.map((link) => [link.id, link.articleTitle])).toEqual([[later.id, "Article B"]]);

    // A later change of the earlier verdict flags the reuse; a note does not.
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: earlier.id,
      input: { version: basis.version, note: "checked again" },
    });
    const before = await readAnnotation(t.db, { actor: editor, annotationId: later.id });
    expect(before.basedOnChangedAt).toBeNull();
    const cursor = (await t.db.auditEvent.findFirst({ where: { articleId: b.id }, orderBy: { id: "desc" } }))!.id;
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: earlier.id,
      input: { version: basis.version + 1, verdict: "MOSTLY_FALSE" },
    });
    const flagged = await readAnnotation(t.db, { actor: editor, annotationId: later.id });
    expect(flagged.basedOnChangedAt).toEqual(expect.any(String));
    expect(flagged.basedOn?.verdict).toBe("MOSTLY_FALSE");
    // A change of the reusing annotation too (an open form saving the old version meets the conflict), told live in
    // B's stream and log, and carried in B's page summary: sign-off waits on it there before anyone tries.
    expect(flagged.version).toBe(before.version + 1);
    const { events } = await eventsSince(t.db, b.id, cursor, 50);
    expect(events.map((event) => [event.event, event.data.action])).toEqual([
      ["annotation.updated", "annotation.basis_changed"],
    ]);
    expect(events[0].data.annotation).toMatchObject({ id: later.id, version: flagged.version });
    expect((events[0].data.annotation as { basedOnChangedAt: unknown }).basedOnChangedAt).toEqual(expect.any(String));
    const logged = await t.db.auditEvent.findFirstOrThrow({
      where: { articleId: b.id, action: "annotation.basis_changed" },
    });
    expect(JSON.parse(logged.payload)).toMatchObject({
      basedOn: { id: earlier.id, label: "C1", articleId: a.id, articleTitle: "Article A" },
      from: "FALSE",
      to: "MOSTLY_FALSE",
      version: flagged.version,
    });
    const summaries = await loadAnnotationSummaries(t.db, b.id);
    expect(summaries.find((summary) => summary.id === later.id)?.basedOnChangedAt).toEqual(flagged.basedOnChangedAt);
    // Not set, not sent: the page carries thousands of summaries.
    expect((await loadAnnotationSummaries(t.db, a.id)).map((summary) => "basedOnChangedAt" in summary)).toEqual([
      false,
    ]);
    // Its own verdict saved again clears the flag.
    const answered = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: later.id,
      input: { version: flagged.version, verdict: "MOSTLY_FALSE" },
    });
    expect(answered.basedOnChangedAt).toBeNull();
    expect((await readAnnotation(t.db, { actor: editor, annotationId: later.id })).basedOnChangedAt).toBeNull();
  });

  it("refuses to sign off an article whose reused verdict changed since, until its own verdict is kept", async () => {
    const reviewer = await createActor(t.db, "REVIEWER", "reuse-reviewer@example.org");
    const { claim: earlier } = await claimIn("Basis A", EARLIER, "Unemployment rose by 20 per cent in the last year", {
      verdict: "FALSE",
    });
    const { article: b, claim: created } = await claimIn(
      "Basis B",
      LATER,
      "joblessness jumped twenty percent last year",
    );
    const reused = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: created.id,
      input: { version: created.version, verdict: "FALSE", basedOnId: earlier.id },
    });
    const submitted = await submitAnnotation(t.db, {
      actor: editor,
      annotationId: reused.id,
      input: { version: reused.version },
    });
    await reviewAnnotation(t.db, { actor: reviewer, annotationId: submitted.id, input: { decision: "APPROVE" } });
    // The earlier claim is re-rated after the later one was approved.
    await updateAnnotation(t.db, {
      actor: editor,
      annotationId: earlier.id,
      input: { version: earlier.version, verdict: "MOSTLY_FALSE" },
    });

    const refused = await refusal(signOffArticle(t.db, { actor: reviewer, articleId: b.id, input: {} }));
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("C1 reused a verdict that has changed since"),
      details: { basisChanged: [{ id: reused.id, kind: "CLAIM", status: "APPROVED" }] },
    });
    expect(refused?.details).not.toHaveProperty("blocking");

    // "Keep this verdict": its own verdict saved unchanged answers the flag and is no change of substance.
    const flagged = await readAnnotation(t.db, { actor: editor, annotationId: reused.id });
    const kept = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: reused.id,
      input: { version: flagged.version, verdict: flagged.verdict },
    });
    expect(kept).toMatchObject({ basedOnChangedAt: null, status: "APPROVED", verdict: "FALSE" });
    expect((await signOffArticle(t.db, { actor: reviewer, articleId: b.id, input: {} })).status).toBe("SIGNED_OFF");
  });

  it("refuses a link to itself, to nothing, or to an analysis, naming basedOnId", async () => {
    const text = "The mayor said the bridge cost nine million. An analysis follows.";
    const article = await createArticle(t.db, { actor: editor, input: { title: "Bridge", text } });
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: { kind: "CLAIM", ...whole(text, "the bridge cost nine million") },
    });
    const analysis = await createAnnotation(t.db, {
      actor: editor,
      articleId: article.id,
      input: { kind: "ANALYSIS", ...whole(text, "An analysis follows") },
    });
    for (const basedOnId of [claim.id, "no-such-annotation", analysis.id]) {
      expect(
        await refusal(
          updateAnnotation(t.db, {
            actor: editor,
            annotationId: claim.id,
            input: { version: claim.version, basedOnId },
          }),
        ),
      ).toMatchObject({ code: "INVALID", fields: ["basedOnId"] });
    }
  });

  it("answers bad queries naming the field", async () => {
    for (const [input, field] of [
      [{ text: "ab" }, "text"],
      [{ text: "x".repeat(2001) }, "text"],
      [{ text: "unemployment rose", limit: "0" }, "limit"],
      [{ text: "unemployment rose", limit: "21" }, "limit"],
      [{ text: "unemployment rose", limit: "two" }, "limit"],
    ] as const) {
      expect(await refusal(findSimilarClaims(t.db, { actor: editor, input }))).toMatchObject({
        code: "INVALID",
        fields: [field],
      });
    }
    // The query languages' own syntax in the text is only words to them.
    for (const text of [
      'NEAR("crime" * OR AND) -- \'; DROP TABLE "Annotation"',
      "crime:* | !fell & (x)",
      "é\u0000\uFFFF𝔘 ünïcödé",
    ])
      expect(await findSimilarClaims(t.db, { actor: editor, input: { text } })).toEqual({ items: expect.any(Array) });
    // Only punctuation and stop words: nothing to look for, no error.
    expect(await findSimilarClaims(t.db, { actor: editor, input: { text: "and the of ???" } })).toEqual({ items: [] });
  });
});
