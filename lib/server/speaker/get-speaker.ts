import type { Actor } from "../../domain/actor";
import { annotationLabel } from "../../domain/annotation-label";
import type { Verdict } from "../../domain/annotation";
import { providerOf, type Db } from "../../db/client";
import { ZSpeakerQuery } from "../../schemas/speakers";
import type { SpeakerDetail, VerdictCounts } from "../../views/speakers";
import { AppError } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";
import { addVerdict, speakerTallies, STATEMENT_KINDS } from "./speaker-counts";

/**
 * One speaker record: its aliases, tallies, verdicts per month and a page of
 * its claims and denials across articles, newest first (`verdict` narrows the
 * page, never the tallies). Every figure is a GROUP BY: the queries stay the
 * same however much the speaker said.
 */
export async function getSpeaker(
  db: Db,
  { actor, speakerId, input = {} }: { actor: Actor; speakerId: string; input?: unknown },
): Promise<SpeakerDetail> {
  requirePermission(actor, "read:article");
  const { verdict, page, pageSize } = ZSpeakerQuery.parse(input);
  const record = await db.speaker.findUnique({
    where: { id: speakerId },
    select: {
      id: true,
      name: true,
      role: true,
      affiliation: true,
      description: true,
      aliases: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  if (!record) throw new AppError("NOT_FOUND", "No speaker has this id.");
  const where = { speakerId, kind: { in: [...STATEMENT_KINDS] }, ...(verdict ? { verdict } : {}) };
  const [tallies, months, total, rows] = await Promise.all([
    speakerTallies(db, [speakerId]),
    verdictsByMonth(db, speakerId),
    db.annotation.count({ where }),
    db.annotation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        number: true,
        quote: true,
        verdict: true,
        status: true,
        createdAt: true,
        article: { select: { id: true, title: true, status: true } },
      },
    }),
  ]);
  const tally = tallies.get(speakerId);
  return {
    speaker: record,
    claims: tally?.claims ?? 0,
    denials: tally?.denials ?? 0,
    verdicts: tally?.verdicts ?? {},
    months,
    verdict: verdict ?? null,
    total,
    page,
    pageSize,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      label: annotationLabel(row.kind, row.number),
      quote: row.quote,
      verdict: row.verdict,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      article: row.article,
    })),
  };
}

/** Claims and denials per month (UTC) and verdict: the month is cut in SQL, each dialect its own way. */
async function verdictsByMonth(db: Db, speakerId: string): Promise<SpeakerDetail["months"]> {
  type Row = { month: string; verdict: Verdict | null; count: number | bigint };
  // SQLite keeps Prisma's DateTime as ISO 8601 text ("2026-11-30T…"): its first seven characters are the month.
  const rows =
    providerOf(db) === "postgresql"
      ? await db.$queryRaw<
          Row[]
        >`SELECT to_char("createdAt", 'YYYY-MM') AS "month", "verdict", COUNT(*) AS "count" FROM "Annotation" WHERE "speakerId" = ${speakerId} AND "kind" IN ('CLAIM', 'DENIAL') GROUP BY 1, 2`
      : await db.$queryRaw<
          Row[]
        >`SELECT substr("createdAt", 1, 7) AS "month", "verdict", COUNT(*) AS "count" FROM "Annotation" WHERE "speakerId" = ${speakerId} AND "kind" IN ('CLAIM', 'DENIAL') GROUP BY 1, 2`;
  const byMonth = new Map<string, VerdictCounts>();
  for (const row of rows) {
    const counts = byMonth.get(row.month) ?? {};
    addVerdict(counts, row.verdict, Number(row.count));
    byMonth.set(row.month, counts);
  }
  return [...byMonth.keys()].sort().map((month) => ({ month, verdicts: byMonth.get(month)! }));
}
