import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { speakerNameMatches, speakerSearchText } from "../../domain/speaker-name";
import { ZSpeakerListQuery } from "../../schemas/speakers";
import type { SpeakerList } from "../../views/speakers";
import { requirePermission } from "../shared/require-permission";
import { speakerTallies } from "./speaker-counts";

/**
 * Speaker records with their tallies, a page at a time: what /speakers shows
 * and what the workbench's speaker field suggests as one types. `q` matches
 * a name or alias from its start or a word's start, without case or accents;
 * better matches first, then the most checked. The match runs here, over every
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
  const [records, tallies] = await Promise.all([
    db.speaker.findMany({
      select: {
        id: true,
        name: true,
        role: true,
        affiliation: true,
        aliases: { select: { name: true }, orderBy: { name: "asc" } },
      },
    }),
    speakerTallies(db),
  ]);
  const ranked = records
    .map((record) => {
      const names = [record.name, ...record.aliases.map((alias) => alias.name)].map(speakerSearchText);
      const tally = tallies.get(record.id);
      return {
        record,
        tally,
        match: Math.max(...names.map((name) => speakerNameMatches(name, query))),
        checked: (tally?.claims ?? 0) + (tally?.denials ?? 0),
      };
    })
    .filter((entry) => entry.match > 0)
    .sort((a, b) => b.match - a.match || b.checked - a.checked || a.record.name.localeCompare(b.record.name, "en"));
  return {
    total: ranked.length,
    page,
    pageSize,
    items: ranked.slice((page - 1) * pageSize, page * pageSize).map(({ record, tally }) => ({
      id: record.id,
      name: record.name,
      aliases: record.aliases.map((alias) => alias.name),
      role: record.role,
      affiliation: record.affiliation,
      claims: tally?.claims ?? 0,
      denials: tally?.denials ?? 0,
      verdicts: tally?.verdicts ?? {},
      lastCheckedAt: tally?.lastCheckedAt ?? null,
    })),
  };
}
