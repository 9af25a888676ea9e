import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { signOffArticle } from "@/lib/server/article/sign-off-article";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { createActor } from "../support/actors";
import { refusal } from "../support/refusal";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// #13 item 3: no sign-off while a claim or denial has no verdict, unless it is marked "not rated" with a reason.
const provider = testProvider();
const TEXT = "The mayor said crime fell by half. The chief said it rose. Analysts were unsure.";
let t: MigratedTestDatabase;
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
});
afterAll(() => t?.close());

const span = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });

/** An article whose annotations are all approved: a rated claim, an unrated claim and denial, and an analysis. */
async function approvedArticle() {
  const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Unrated", text: TEXT } })).id;
  const make = (input: Record<string, unknown>) => createAnnotation(t.db, { actor: editor, articleId, input });
  const rated = await make({ kind: "CLAIM", ...span("crime fell by half"), verdict: "FALSE" });
  const claim = await make({ kind: "CLAIM", ...span("The mayor said") });
  const denial = await make({ kind: "DENIAL", ...span("it rose") });
  const analysis = await make({ kind: "ANALYSIS", ...span("Analysts were unsure") });
  for (const a of [rated, claim, denial, analysis]) {
    await submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} });
    await reviewAnnotation(t.db, { actor: reviewer, annotationId: a.id, input: { decision: "APPROVE" } });
  }
  return { articleId, claim, denial };
}

describe(`sign-off and unrated claims on ${provider}`, () => {
  it("refuses with 409 listing the claims and denials without a verdict, in the shape of the unapproved list", async () => {
    const { articleId, claim, denial } = await approvedArticle();
    const refused = await refusal(signOffArticle(t.db, { actor: reviewer, articleId, input: {} }));
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: "2 claim(s) or denial(s) have no verdict: rate each, or mark it not rated and say why.",
    });
    expect(refused!.details).toEqual({
      unrated: [
        { id: claim.id, kind: "CLAIM", status: "APPROVED", quote: "The mayor said" },
        { id: denial.id, kind: "DENIAL", status: "APPROVED", quote: "it rose" },
      ],
    });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("IN_REVIEW");
  });

  it("accepts once each is rated or marked not rated with a reason (each change reviewed again)", async () => {
    const { articleId, claim, denial } = await approvedArticle();
    const marked = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: claim.id,
      input: { version: claim.version + 2, notRatedReason: "The mayor's office gave no figures to check." },
    });
    expect(marked).toMatchObject({
      notRatedReason: "The mayor's office gave no figures to check.",
      verdict: null,
      status: "DRAFT",
    });
    const rated = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: denial.id,
      input: { version: denial.version + 2, verdict: "MOSTLY_TRUE" },
    });
    for (const a of [marked, rated]) {
      await submitAnnotation(t.db, { actor: editor, annotationId: a.id, input: {} });
      await reviewAnnotation(t.db, { actor: reviewer, annotationId: a.id, input: { decision: "APPROVE" } });
    }
    const signed = await signOffArticle(t.db, { actor: reviewer, articleId, input: {} });
    expect(signed.status).toBe("SIGNED_OFF");
  });

  it("lists the unapproved and the unrated together when both are in the way", async () => {
    const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Both", text: TEXT } })).id;
    const unrated = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", ...span("The mayor said") },
    });
    await submitAnnotation(t.db, { actor: editor, annotationId: unrated.id, input: {} });
    const refused = await refusal(signOffArticle(t.db, { actor: reviewer, articleId, input: {} }));
    expect(refused?.message).toBe(
      "1 annotation(s) are not approved yet. 1 claim(s) or denial(s) have no verdict: rate each, or mark it not rated and say why.",
    );
    expect(Object.keys(refused!.details as object)).toEqual(["blocking", "unrated"]);
  });

  it("refuses a verdict together with a not-rated reason, and a reason on analysis, naming the field (422)", async () => {
    const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Exclusive", text: TEXT } })).id;
    const both = refusal(
      createAnnotation(t.db, {
        actor: editor,
        articleId,
        input: { kind: "CLAIM", ...span("The mayor said"), verdict: "FALSE", notRatedReason: "No data." },
      }),
    );
    expect(await both).toEqual({ code: "INVALID", fields: ["notRatedReason"] });
    const onAnalysis = refusal(
      createAnnotation(t.db, {
        actor: editor,
        articleId,
        input: { kind: "ANALYSIS", ...span("Analysts were unsure"), notRatedReason: "No data." },
      }),
    );
    expect(await onAnalysis).toEqual({ code: "INVALID", fields: ["notRatedReason"] });

    const marked = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", ...span("The mayor said"), notRatedReason: "No data." },
    });
    const verdictOverReason = await refusal(
      updateAnnotation(t.db, {
        actor: editor,
        annotationId: marked.id,
        input: { version: marked.version, verdict: "TRUE" },
      }),
    );
    expect(verdictOverReason).toMatchObject({ code: "INVALID", fields: ["notRatedReason"] });
    const toAnalysis = await refusal(
      updateAnnotation(t.db, {
        actor: editor,
        annotationId: marked.id,
        input: { version: marked.version, kind: "ANALYSIS" },
      }),
    );
    expect(toAnalysis).toMatchObject({ code: "INVALID", fields: ["notRatedReason"] });
    const switched = await updateAnnotation(t.db, {
      actor: editor,
      annotationId: marked.id,
      input: { version: marked.version, verdict: "TRUE", notRatedReason: null },
    });
    expect(switched).toMatchObject({ verdict: "TRUE", notRatedReason: null });
    expect((await t.db.annotation.findUniqueOrThrow({ where: { id: marked.id } })).notRatedReason).toBeNull();
  });
});
