import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { listChangesRequested } from "@/lib/server/review/list-changes-requested";
import { HOME_LIST_SIZE, listMyDrafts } from "@/lib/server/annotation/list-my-drafts";
import { reviewAnnotation } from "@/lib/server/review/review-annotation";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// The home page's own lists (app/page.tsx); "waiting for your review" and "recently changed" reuse the queue and the article list.
const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;
let other: Actor;
let reviewer: Actor;
const TEXT = "The mayor said crime fell by half last year, and the council agreed.";

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
  other = await createActor(t.db, "EDITOR", "other@example.org");
  reviewer = await createActor(t.db, "REVIEWER", "rev@example.org");
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const article = (title: string) => createArticle(t.db, { actor: editor, input: { title, text: TEXT } });
const claim = (articleId: string, actor = editor) =>
  createAnnotation(t.db, { actor, articleId, input: { kind: "CLAIM", start: 4, end: 9, verdict: "FALSE" } });

describe(`the home page's lists on ${provider}`, () => {
  it("my drafts: only the caller's DRAFT annotations, counted per article, most recent first, at most a few articles", async () => {
    const older = await article("Older story");
    const newer = await article("Newer story");
    await claim(older.id);
    await claim(older.id);
    const submitted = await claim(older.id);
    await submitAnnotation(t.db, { actor: editor, annotationId: submitted.id, input: {} });
    await claim(newer.id, other); // someone else's draft
    await new Promise((resolve) => setTimeout(resolve, 5));
    await claim(newer.id);

    const drafts = await listMyDrafts(t.db, { actor: editor });
    expect(drafts).toEqual({
      total: 3,
      articles: [
        { id: newer.id, title: "Newer story", drafts: 1 },
        { id: older.id, title: "Older story", drafts: 2 },
      ],
    });
    expect((await listMyDrafts(t.db, { actor: reviewer })).total).toBe(0);

    for (let i = 0; i < HOME_LIST_SIZE + 2; i++) await claim((await article(`Story ${i}`)).id, other);
    const many = await listMyDrafts(t.db, { actor: other });
    expect(many.articles).toHaveLength(HOME_LIST_SIZE);
    expect(many.total).toBe(HOME_LIST_SIZE + 3);
    expect(many.articles[0].title).toBe(`Story ${HOME_LIST_SIZE + 1}`);
  });

  it("changes requested of me: the caller's annotations a reviewer sent back, oldest first, with the total", async () => {
    const story = await article("Sent back");
    const mine = await claim(story.id);
    const theirs = await claim(story.id, other);
    for (const annotation of [mine, theirs]) {
      const sent = await submitAnnotation(t.db, {
        actor: annotation === mine ? editor : other,
        annotationId: annotation.id,
        input: {},
      });
      await reviewAnnotation(t.db, {
        actor: reviewer,
        annotationId: sent.id,
        input: { decision: "REQUEST_CHANGES", note: "Cite the police data." },
      });
    }
    const requested = await listChangesRequested(t.db, { actor: editor });
    expect(requested.total).toBe(1);
    expect(requested.items).toEqual([
      {
        id: mine.id,
        kind: "CLAIM",
        quote: "mayor",
        article: { id: story.id, title: "Sent back" },
        updatedAt: expect.any(String),
      },
    ]);
    expect((await listChangesRequested(t.db, { actor: reviewer })).total).toBe(0);
  });
});
