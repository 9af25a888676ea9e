import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { AUDIT } from "../../domain/audit-actions";
import { speakerNameKey } from "../../domain/speaker-name";
import { ZUpdateSpeaker } from "../../schemas/speakers";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, invalid } from "../shared/errors";
import { isUniqueViolation } from "../shared/prisma-errors";
import { requirePermission } from "../shared/require-permission";

const PROFILE = ["name", "role", "affiliation", "description"] as const;
type Profile = { name: string; role: string | null; affiliation: string | null; description: string | null };

/**
 * Edits a speaker record's name and profile (any editor), audited, in one transaction. A new name must not be
 * another record's name or alias (those are the same person: merge them instead); the old name becomes an alias,
 * so annotations that keep writing it still land here. Annotations keep their speaker text as written.
 */
export async function updateSpeaker(
  db: Db,
  { actor, speakerId, input }: { actor: Actor; speakerId: string; input: unknown },
): Promise<Profile & { id: string; aliases: string[] }> {
  requirePermission(actor, "update:speakers");
  const changes = ZUpdateSpeaker.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.speaker.findUnique({
        where: { id: speakerId },
        select: { id: true, name: true, nameKey: true, role: true, affiliation: true, description: true },
      });
      if (!before) throw new AppError("NOT_FOUND", "No speaker has this id.");
      const nameKey = changes.name === undefined ? before.nameKey : speakerNameKey(changes.name);
      if (nameKey !== before.nameKey) {
        const [other, alias] = await Promise.all([
          tx.speaker.findUnique({ where: { nameKey }, select: { name: true } }),
          tx.speakerAlias.findUnique({ where: { nameKey }, select: { id: true, speakerId: true } }),
        ]);
        const taken = other ?? (alias && alias.speakerId !== speakerId ? alias : null);
        if (taken)
          throw invalid("name", "is already another speaker record's name or alias: merge the two records instead");
        // Taking one of its own aliases as the name: that alias goes, the old name takes its place.
        if (alias) await tx.speakerAlias.delete({ where: { id: alias.id } });
        await tx.speakerAlias.create({ data: { speakerId, name: before.name, nameKey: before.nameKey } });
      }
      const after = await tx.speaker.update({
        where: { id: speakerId },
        data: { ...changes, nameKey },
        select: {
          id: true,
          name: true,
          role: true,
          affiliation: true,
          description: true,
          aliases: { select: { name: true }, orderBy: { name: "asc" } },
        },
      });
      const from: Partial<Profile> = {};
      const to: Partial<Profile> = {};
      for (const field of PROFILE)
        if (changes[field] !== undefined && before[field] !== after[field]) {
          Object.assign(from, { [field]: before[field] });
          Object.assign(to, { [field]: after[field] });
        }
      if (Object.keys(to).length > 0)
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: AUDIT.speaker.updated,
          payload: { speakerId, name: after.name, from, to },
        });
      return { ...after, aliases: after.aliases.map((alias) => alias.name) };
    });
  } catch (error) {
    // Two renames to one name at once: the second meets the unique key.
    if (isUniqueViolation(error))
      throw invalid("name", "is already another speaker record's name or alias: merge the two records instead");
    throw error;
  }
}
