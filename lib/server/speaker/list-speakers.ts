import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { speakerNameMatches, speakerSearchText } from "../../domain/speaker-name";
import { ZSpeakerListQuery } from "../../schemas/speakers";
import type { SpeakerList } from "../../views/speakers";
import { requirePermission } from "../shared/require-permission";
import { annotationCounts, speakerTallies } from "./speaker-counts";

/**
 * Speaker records with their tallies, a page at a time: what /speakers shows
 * and what the workbench's speaker field suggests as one types. `q` matches
 * a name or alias from its start or a word's start, without case or accents;
 * better matches first, then the most checked (annotations naming them). The match runs here, over every
 * record's names (a desk has hundreds or thousands of speakers, not millions):
 * SQLite has no accent folding, and the stored key folds ASCII only
 * (lib/domain/speaker-name.ts).
 */
export async function listSpeakers(
  db: Db,
  { actor, input = {} }: { actor: Actor; input?: unknown },
): Promise<SpeakerList> {
  requirePermission(actor, "read:article");
  const { q, page, pageSize } = ZSpeakerListQuery.parse(input);
  const query = speakerSearchText(q ?? "");
  // Aliases in their own read, not nested: Prisma would fetch them with one bound parameter per speaker,
  // past SQLite's limit at a few thousand speakers.
  const [records, aliasRows, counts] = await Promise.all([
    db.speaker.findMany({ select: { id: true, name: true, role: true, affiliation: true } }),
    db.speakerAlias.findMany({ select: { speakerId: true, name: true }, orderBy: { name: "asc" } }),
    annotationCounts(db),
  ]);
  const aliasesOf = new Map<string, string[]>();
  for (const alias of aliasRows)
    aliasesOf.set(alias.speakerId, [...(aliasesOf.get(alias.speakerId) ?? []), alias.name]);
  const ranked = records
    .map((record) => {
      const aliases = aliasesOf.get(record.id) ?? [];
      const names = [record.name, ...aliases].map(speakerSearchText);
      return {
        record,
        aliases,
        match: Math.max(...names.map((name) => speakerNameMatches(name, query))),
        checked: counts.get(record.id) ?? 0,
      };
    })
    .filter((entry) => entry.match > 0)
    .sort((a, b) => b.match - a.match || b.checked - a.checked || a.record.name.localeCompare(b.record.name, "en"));
  const shown = ranked.slice((page - 1) * pageSize, page * pageSize);
  const tallies = await speakerTallies(
    db,
    shown.map(({ record }) => record.id),
  );
  return {
    total: ranked.length,
    page,
    pageSize,
    items: shown.map(({ record, aliases }) => {
      const tally = tallies.get(record.id);
      return {
        id: record.id,
        name: record.name,
        aliases,
        role: record.role,
        affiliation: record.affiliation,
        claims: tally?.claims ?? 0,
        denials: tally?.denials ?? 0,
        verdicts: tally?.verdicts ?? {},
        lastCheckedAt: tally?.lastCheckedAt ?? null,
      };
    }),
  };
}
