import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { eventsSince } from "@/lib/realtime/article-events";
import type { AnnotationView } from "@/lib/views/article-view";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { AppError } from "@/lib/server/shared/errors";
import { exportArticle } from "@/lib/server/article/export-article";
import { getArticle } from "@/lib/server/article/get-article";
import { importW3cAnnotations } from "@/lib/server/annotation/import-w3c-annotations";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { reviewQueue } from "@/lib/server/review/review-queue";
import { addSource } from "@/lib/server/source/add-source";
import { deleteSource } from "@/lib/server/source/delete-source";
import { updateSource } from "@/lib/server/source/update-source";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

/**
 * The four-eyes rule over every path that changes an annotation's substance:
 * nobody approves words or a verdict they wrote or changed.
 */
const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;
let reviewer: Actor;
let reviewer2: Actor;
let admin: Actor;

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
  reviewer2 = await createActor(t.db, "REVIEWER", "rev2@example.org");
  admin = await createActor(t.db, "ADMIN", "admin@example.org");
});
afterAll(() => t?.close());

const TEXT = "The mayor said crime fell. Police data disagree. Experts are cautious.";
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "ok", message: "" }),
    (error) =>
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : error instanceof ZodError
          ? { code: "INVALID", message: error.message }
          : { code: String(error), message: "" },
  );
const approve = (actor: Actor, annotationId: string) =>
  reviewAnnotation(t.db, { actor, annotationId, input: { decision: "APPROVE" } });
const editorRows = (annotationId: string) =>
  t.db.annotationEditor.findMany({ where: { annotationId }, select: { userId: true } });
const queued = async (actor: Actor, annotationId: string) =>
  (await reviewQueue(t.db, { actor })).items.some((item) => item.id === annotationId);

/** A submitted claim by the editor, with two sources, and a second claim it can be pointed at. */
async function submittedClaim(kind: "CLAIM" | "DENIAL" = "CLAIM") {
  const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Four eyes", text: TEXT } })).id;
  const other = await createAnnotation(t.db, {
    actor: editor,
    articleId,
    input: { kind: "CLAIM", start: 27, end: 48, verdict: "TRUE" },
  });
  const created = await createAnnotation(t.db, {
    actor: editor,
    articleId,
    input: {
      kind,
      start: 0,
      end: 26,
      verdict: "FALSE",
      rationale: "Figures say otherwise.",
      sources: [{ url: "https://police.example/a" }, { url: "https://police.example/b" }],
    },
  });
  const submitted = await submitAnnotation(t.db, { actor: editor, annotationId: created.id, input: {} });
  return { articleId, other, annotation: submitted };
}

type Change = (actor: Actor, annotation: AnnotationView, other: AnnotationView) => Promise<AnnotationView>;
const patch =
  (input: Record<string, unknown>): Change =>
  (actor, annotation) =>
    updateAnnotation(t.db, { actor, annotationId: annotation.id, input: { version: annotation.version, ...input } });

/** Every way to change the substance of an existing annotation. */
const SUBSTANCE_CHANGES: [string, Change, ("CLAIM" | "DENIAL")?][] = [
  ["PATCH verdict FALSE → TRUE", patch({ verdict: "TRUE" })],
  ["PATCH kind", patch({ kind: "DENIAL" })],
  ["PATCH rationale", patch({ rationale: "Figures agree after all." })],
  // Published to readers beside the verdict (issue #13): a second pair of eyes reads it.
  ["PATCH publicNote (remark for readers)", patch({ publicNote: "The police later corrected the figure." })],
  ["PATCH deniesId", (actor, annotation, other) => patch({ deniesId: other.id })(actor, annotation, other), "DENIAL"],
  ["PATCH sources (replaced)", patch({ sources: [{ url: "https://other.example/c" }] })],
  [
    "source added",
    (actor, annotation) =>
      addSource(t.db, { actor, annotationId: annotation.id, input: { url: "https://other.example/d" } }),
  ],
  [
    "source edited",
    (actor, annotation) =>
      updateSource(t.db, {
        actor,
        sourceId: annotation.sources[0].id,
        input: { url: "https://other.example/e", version: annotation.version },
      }),
  ],
  [
    "source moved",
    (actor, annotation) =>
      updateSource(t.db, {
        actor,
        sourceId: annotation.sources[0].id,
        input: { position: 1, version: annotation.version },
      }),
  ],
  [
    "source removed",
    (actor, annotation) =>
      deleteSource(t.db, { actor, sourceId: annotation.sources[0].id, version: annotation.version }),
  ],
];

describe(`four-eyes rule on ${provider}: whoever changes the substance may not review it`, () => {
  for (const [name, change, kind] of SUBSTANCE_CHANGES) {
    it(`${name}: a SUBMITTED annotation returns to DRAFT, its editor is barred until someone else approves`, async () => {
      const { articleId, other, annotation } = await submittedClaim(kind);
      const changed = await change(reviewer, annotation, other);
      expect(changed.status).toBe("DRAFT");
      expect(changed.editorIds).toEqual([reviewer.id]);
      expect(await editorRows(annotation.id)).toEqual([{ userId: reviewer.id }]);
      const event = await t.db.auditEvent.findFirstOrThrow({
        where: { annotationId: annotation.id },
        orderBy: { id: "desc" },
      });
      expect(JSON.parse(event.payload)).toMatchObject({ from: "SUBMITTED", to: "DRAFT" });
      // What everyone else is shown carries the editors too.
      expect(
        (await getArticle(t.db, { actor: editor, articleId })).annotations.find((a) => a.id === annotation.id)
          ?.editorIds,
      ).toEqual([reviewer.id]);

      const resubmitted = await submitAnnotation(t.db, { actor: reviewer, annotationId: annotation.id, input: {} });
      expect(resubmitted.status).toBe("SUBMITTED");
      const refused = await failure(approve(reviewer, annotation.id));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toMatch(
        /You changed this annotation's substance.*someone else must review it \(four-eyes rule\)/,
      );
      expect(
        await failure(
          reviewAnnotation(t.db, {
            actor: reviewer,
            annotationId: annotation.id,
            input: { decision: "REQUEST_CHANGES", note: "mine" },
          }),
        ),
      ).toMatchObject({ code: "FORBIDDEN" });
      expect(await queued(reviewer, annotation.id)).toBe(false);
      expect(await queued(reviewer2, annotation.id)).toBe(true);

      const approved = await approve(reviewer2, annotation.id);
      expect(approved.status).toBe("APPROVED");
      expect(approved.editorIds).toEqual([]);
      expect(await editorRows(annotation.id)).toEqual([]);
    });
  }

  it("refuses a reviewer who rewrote a draft, submitted it and approves it alone", async () => {
    const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Draft", text: TEXT } })).id;
    const draft = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 0, end: 26, verdict: "FALSE" },
    });
    const rewritten = await updateAnnotation(t.db, {
      actor: reviewer,
      annotationId: draft.id,
      input: { version: draft.version, verdict: "TRUE", rationale: "I say so." },
    });
    expect([rewritten.status, rewritten.editorIds]).toEqual(["DRAFT", [reviewer.id]]);
    // Open workbenches learn it from the event stream, so they hide Approve from the reviewer too.
    const { events } = await eventsSince(t.db, articleId, 0, 100);
    expect(events.at(-1)).toMatchObject({
      event: "annotation.updated",
      data: { annotation: { id: draft.id, editorIds: [reviewer.id] } },
    });
    await submitAnnotation(t.db, { actor: reviewer, annotationId: draft.id, input: {} });
    expect((await failure(approve(reviewer, draft.id))).code).toBe("FORBIDDEN");
    expect((await approve(reviewer2, draft.id)).status).toBe("APPROVED");
  });

  it("bars an admin who changed the verdict, and every editor, not only the last", async () => {
    const { annotation } = await submittedClaim();
    const first = await updateAnnotation(t.db, {
      actor: admin,
      annotationId: annotation.id,
      input: { version: annotation.version, verdict: "MIXED" },
    });
    const second = await addSource(t.db, {
      actor: reviewer,
      annotationId: annotation.id,
      input: { url: "https://other.example/f" },
    });
    expect(second.editorIds).toEqual([admin.id, reviewer.id]);
    await submitAnnotation(t.db, { actor: editor, annotationId: annotation.id, input: { version: second.version } });
    expect(first.status).toBe("DRAFT");
    for (const actor of [admin, reviewer, editor])
      expect((await failure(approve(actor, annotation.id))).code).toBe("FORBIDDEN");
    expect((await approve(reviewer2, annotation.id)).status).toBe("APPROVED");
  });

  it("keeps a CHANGES_REQUESTED annotation there, records its editor, and a request for changes clears nobody", async () => {
    const { annotation } = await submittedClaim();
    const sentBack = await reviewAnnotation(t.db, {
      actor: reviewer2,
      annotationId: annotation.id,
      input: { decision: "REQUEST_CHANGES", note: "Check the figures." },
    });
    const fixed = await updateAnnotation(t.db, {
      actor: reviewer,
      annotationId: annotation.id,
      input: { version: sentBack.version, verdict: "MOSTLY_FALSE" },
    });
    expect([fixed.status, fixed.editorIds]).toEqual(["CHANGES_REQUESTED", [reviewer.id]]);
    await submitAnnotation(t.db, { actor: editor, annotationId: annotation.id, input: {} });
    expect((await failure(approve(reviewer, annotation.id))).code).toBe("FORBIDDEN");
    const again = await reviewAnnotation(t.db, {
      actor: reviewer2,
      annotationId: annotation.id,
      input: { decision: "REQUEST_CHANGES", note: "Still no source." },
    });
    expect(again.editorIds).toEqual([reviewer.id]);
  });

  it("bars whoever edits an APPROVED annotation's substance from the next review", async () => {
    const { annotation } = await submittedClaim();
    const approved = await approve(reviewer2, annotation.id);
    const changed = await updateAnnotation(t.db, {
      actor: reviewer,
      annotationId: annotation.id,
      input: { version: approved.version, verdict: "TRUE" },
    });
    expect([changed.status, changed.editorIds]).toEqual(["DRAFT", [reviewer.id]]);
    await submitAnnotation(t.db, { actor: reviewer, annotationId: annotation.id, input: {} });
    expect((await failure(approve(reviewer, annotation.id))).code).toBe("FORBIDDEN");
  });

  it("bars whoever deleted the claim a submitted denial denied: the denial changed", async () => {
    const articleId = (await createArticle(t.db, { actor: editor, input: { title: "Denial", text: TEXT } })).id;
    const claim = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "CLAIM", start: 0, end: 26, verdict: "FALSE" },
    });
    const denial = await createAnnotation(t.db, {
      actor: editor,
      articleId,
      input: { kind: "DENIAL", start: 27, end: 48, verdict: "TRUE", deniesId: claim.id },
    });
    await submitAnnotation(t.db, { actor: editor, annotationId: denial.id, input: {} });
    await deleteAnnotation(t.db, { actor: reviewer, annotationId: claim.id });
    const unlinked = await t.db.annotation.findUniqueOrThrow({ where: { id: denial.id } });
    expect([unlinked.deniesId, unlinked.status]).toEqual([null, "DRAFT"]);
    expect(await editorRows(denial.id)).toEqual([{ userId: reviewer.id }]);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { annotationId: denial.id },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(event.payload)).toMatchObject({ fields: ["deniesId"], from: "SUBMITTED", to: "DRAFT" });
    await submitAnnotation(t.db, { actor: editor, annotationId: denial.id, input: {} });
    expect((await failure(approve(reviewer, denial.id))).code).toBe("FORBIDDEN");
    expect((await approve(reviewer2, denial.id)).status).toBe("APPROVED");
  });

  it("bars whoever imported a W3C annotation (its author); an import changes no existing annotation", async () => {
    const { articleId, annotation } = await submittedClaim();
    const document = JSON.parse(
      (
        await exportArticle(t.db, {
          actor: editor,
          articleId,
          input: { format: "w3c" },
          baseUrl: "https://factmark.example",
          publisher: "Desk",
        })
      ).body,
    );
    const before = await t.db.annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    const { created } = await importW3cAnnotations(t.db, { actor: reviewer, articleId, input: document });
    expect(created.length).toBeGreaterThan(0);
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).toEqual(before);
    const imported = created.find((a) => a.start === annotation.start)!;
    await submitAnnotation(t.db, { actor: reviewer, annotationId: imported.id, input: {} });
    expect((await failure(approve(reviewer, imported.id))).message).toMatch(/You wrote this annotation/);
    expect((await approve(reviewer2, imported.id)).status).toBe("APPROVED");
  });

  it("does not bar anyone for a detail (note, speaker), and a change to the same value is no change", async () => {
    const { annotation } = await submittedClaim();
    const detailed = await updateAnnotation(t.db, {
      actor: reviewer,
      annotationId: annotation.id,
      input: { version: annotation.version, note: "Seen.", speaker: "The mayor", verdict: "FALSE" },
    });
    expect([detailed.status, detailed.editorIds]).toEqual(["SUBMITTED", []]);
    expect(await editorRows(annotation.id)).toEqual([]);
    expect((await approve(reviewer, annotation.id)).status).toBe("APPROVED");
  });

  it("has no way to move a span in place: PATCH refuses start, end and quote, and records nothing", async () => {
    const { annotation } = await submittedClaim();
    for (const field of [{ start: 1 }, { end: 20 }, { quote: "The mayor" }]) {
      expect(
        (
          await failure(
            updateAnnotation(t.db, {
              actor: reviewer,
              annotationId: annotation.id,
              input: { version: annotation.version, ...field },
            }),
          )
        ).code,
      ).toBe("INVALID");
    }
    expect(await editorRows(annotation.id)).toEqual([]);
    expect((await t.db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).status).toBe("SUBMITTED");
  });
});
