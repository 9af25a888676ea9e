import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { speakerNameKey } from "../../domain/speaker-name";
import { invalid } from "../shared/errors";

type Tx = Pick<Db, "speaker" | "speakerAlias" | "$executeRaw">;

/** What an annotation write stores of its speaker: the text as written and the record it links to. */
export type ResolvedSpeaker = { speaker: string | null; speakerId: string | null };

/**
 * The speaker record an annotation write links to, inside the write's
 * transaction (every path that writes `speaker` calls this: create, update,
 * the W3C import, the demo seed). A `speakerId` the client sent (a suggestion
 * it picked) wins and must exist; without it, the text's name key finds a
 * record or an alias of one, or a new record is made; no text, no link.
 */
export async function resolveSpeaker(
  tx: Tx,
  { speaker, speakerId }: { speaker?: string | null; speakerId?: string | null },
): Promise<ResolvedSpeaker> {
  const text = speaker?.trim() || null;
  if (speakerId) {
    const record = await tx.speaker.findUnique({ where: { id: speakerId }, select: { id: true, name: true } });
    if (!record)
      throw invalid("speakerId", "no speaker has this id: pick one of the suggestions, or send only the name");
    return { speaker: text ?? record.name, speakerId: record.id };
  }
  if (!text) return { speaker: null, speakerId: null };
  return { speaker: text, speakerId: await speakerIdForName(tx, text) };
}

/** The record a name's key belongs to, made when none has it. */
export async function speakerIdForName(tx: Tx, name: string): Promise<string> {
  const nameKey = speakerNameKey(name);
  const found =
    (await tx.speaker.findUnique({ where: { nameKey }, select: { id: true } })) ??
    (await tx.speakerAlias
      .findUnique({ where: { nameKey }, select: { id: true, speakerId: true } })
      .then((alias) => alias && { id: alias.speakerId }));
  if (found) return found.id;
  // Two writers may bring a new name at once: ON CONFLICT keeps the transaction alive on PostgreSQL,
  // where a failed INSERT (and catching P2002) would abort it; the read after it finds whichever won.
  const now = new Date();
  const displayName = name.replace(/[\t\n\v\f\r ]+/g, " ").trim();
  await tx.$executeRaw`INSERT INTO "Speaker" ("id", "name", "nameKey", "createdAt", "updatedAt") VALUES (${newId()}, ${displayName}, ${nameKey}, ${now}, ${now}) ON CONFLICT ("nameKey") DO NOTHING`;
  return (await tx.speaker.findUniqueOrThrow({ where: { nameKey }, select: { id: true } })).id;
}

/** An id of the shape Prisma's cuid() gives (c + 24 of [a-z0-9]), which the routes' id check expects. */
function newId(): string {
  const bytes = randomBytes(24);
  return `c${Array.from(bytes, (byte) => (byte % 36).toString(36)).join("")}`;
}
