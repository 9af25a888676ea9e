import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { AUDIT } from "../../domain/audit-actions";
import { ZMergeSpeakers } from "../../schemas/speakers";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, invalid } from "../shared/errors";
import { requirePermission } from "../shared/require-permission";

/**
 * Joins two records of one person (admins only): `from`'s claims and denials
 * move to `into`, its name and aliases become aliases of `into` (so later
 * writes of those names land there), `from` is deleted, and the audit log
 * records it, all in one transaction.
 */
export async function mergeSpeakers(
  db: Db,
  { actor, speakerId, input }: { actor: Actor; speakerId: string; input: unknown },
): Promise<{ id: string; name: string; aliases: string[]; annotations: number }> {
  requirePermission(actor, "merge:speakers", "Only admins merge speaker records.");
  const { from } = ZMergeSpeakers.parse(input);
  if (from === speakerId) throw invalid("from", "is the speaker being merged into: pick another record");
  return db.$transaction(async (tx) => {
    const select = { id: true, name: true, nameKey: true, aliases: { select: { id: true, name: true } } } as const;
    const into = await tx.speaker.findUnique({ where: { id: speakerId }, select });
    if (!into) throw new AppError("NOT_FOUND", "No speaker has this id.");
    const other = await tx.speaker.findUnique({ where: { id: from }, select });
    if (!other) throw invalid("from", "no speaker has this id");
    const moved = await tx.annotation.updateMany({ where: { speakerId: from }, data: { speakerId } });
    // The other record's aliases move over (their keys stay unique); its own name becomes one once it is gone.
    await tx.speakerAlias.updateMany({ where: { speakerId: from }, data: { speakerId } });
    await tx.speaker.delete({ where: { id: from } });
    await tx.speakerAlias.create({ data: { speakerId, name: other.name, nameKey: other.nameKey } });
    const aliases = [...other.aliases.map((alias) => alias.name), other.name];
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: AUDIT.speaker.merged,
      payload: {
        into: { id: into.id, name: into.name },
        from: { id: other.id, name: other.name },
        annotations: moved.count,
        aliases,
      },
    });
    return {
      id: into.id,
      name: into.name,
      aliases: [...into.aliases.map((alias) => alias.name), ...aliases],
      annotations: moved.count,
    };
  });
}
