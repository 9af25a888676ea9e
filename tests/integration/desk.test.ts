import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { weekStarts } from "@/lib/domain/desk-weeks";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { submitAnnotation } from "@/lib/server/annotation/submit-annotation";
import { createArticle } from "@/lib/server/article/create-article";
import { articlesByStatus } from "@/lib/server/desk/articles-by-status";
import { reviewBacklog } from "@/lib/server/desk/review-backlog";
import { topSpeakers } from "@/lib/server/desk/top-speakers";
import { verdictWeeks } from "@/lib/server/desk/verdict-weeks";
import { createActor } from "../support/actors";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

// The front page's "Desk" figures (app/page.tsx, components/desk/DeskCharts.tsx).
const provider = testProvider();
let t: MigratedTestDatabase;
let editor: Actor;
const TEXT = "The mayor said crime fell by half last year, and the council agreed.";
const DAY = 86_400_000;
// A fixed "now" for the figures; the rows' dates are set relative to it.
const now = new Date("2026-12-01T12:00:00Z");

beforeAll(async () => {
  t = await migratedTestDatabase();
  editor = await createActor(t.db, "EDITOR", "ed@example.org");
}, 60_000);
afterAll(() => t?.close());

const claim = async (articleId: string, speaker: string | null, verdict: string | null, kind = "CLAIM") =>
  createAnnotation(t.db, { actor: editor, articleId, input: { kind, start: 4, end: 9, speaker, verdict } });
const ago = (days: number) => new Date(now.getTime() - days * DAY);
/** Tagged `created` days and last changed (submitted) `updated` days before `now`: both set, or Prisma stamps updatedAt. */
const age = (id: string, created: number, updated: number) =>
  t.db.annotation.update({ where: { id }, data: { createdAt: ago(created), updatedAt: ago(updated) } });

describe(`the desk's figures on ${provider}`, () => {
  it("counts the backlog by time waited, articles by status, verdicts per week and the most-checked speakers", async () => {
    const first = await createArticle(t.db, { actor: editor, input: { title: "One", text: TEXT } });
    await createArticle(t.db, { actor: editor, input: { title: "Two", text: TEXT } });
    const a = await claim(first.id, "Ana Mayor", "FALSE");
    const b = await claim(first.id, "ana  mayor", "TRUE");
    const c = await claim(first.id, "Ana Mayor", null, "DENIAL");
    const d = await claim(first.id, "Ben Council", "FALSE");
    await claim(first.id, null, null, "ANALYSIS");
    for (const annotation of [a, b, c])
      await submitAnnotation(t.db, { actor: editor, annotationId: annotation.id, input: {} });
    await age(a.id, 100, 10);
    await age(b.id, 2, 2);
    await age(c.id, 1, 0.5);
    await age(d.id, 14, 14);

    const backlog = await reviewBacklog(t.db, { actor: editor, now });
    expect(backlog.waiting).toBe(3);
    expect(backlog.oldestSince).toBe(new Date(now.getTime() - 10 * DAY).toISOString());
    expect(backlog.byAge.map((band) => band.count)).toEqual([1, 1, 0, 1]);

    const statuses = await articlesByStatus(t.db, { actor: editor });
    expect(statuses).toEqual([
      // Submitting the first article's claims put it in review.
      { status: "DRAFT", count: 1 },
      { status: "IN_REVIEW", count: 1 },
      { status: "SIGNED_OFF", count: 0 },
      { status: "REOPENED", count: 0 },
    ]);

    const weeks = await verdictWeeks(t.db, { actor: editor, now });
    expect(weeks.map((week) => week.week)).toEqual(weekStarts(now, 12).map((date) => date.toISOString().slice(0, 10)));
    // b (2 days before Tuesday 1 December: the week before) and c (Monday 30 November: this week); d two weeks
    // before; a 100 days ago, outside the twelve weeks; the analysis is never counted.
    const counted = Object.fromEntries(
      weeks.filter((week) => Object.keys(week.verdicts).length).map((week) => [week.week, week.verdicts]),
    );
    expect(counted).toEqual({
      "2026-11-16": { FALSE: 1 },
      "2026-11-23": { TRUE: 1 },
      "2026-11-30": { unrated: 1 },
    });

    const top = await topSpeakers(t.db, { actor: editor });
    expect(top.map((row) => [row.name, row.checked])).toEqual([
      ["Ana Mayor", 3],
      ["Ben Council", 1],
    ]);
  });
});
