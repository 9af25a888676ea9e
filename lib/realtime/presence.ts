import type { Db } from "../db/client";
import { onDbThread } from "../db-thread/on-db-thread";

/** A stream refreshes its presence this often… */
export const PRESENCE_REFRESH_MS = 8_000;
/** …and a presence not refreshed for this long is gone (a closed laptop, a crashed server). */
export const PRESENCE_TTL_MS = 25_000;

export type PresentUser = { userId: string; name: string; annotationId: string | null; since: string };

// The writes below run on the SQLite database thread (lib/db-thread): every open stream makes
// them every few seconds, and on the request thread each could wait there for the write lock.

export const touchPresence = onDbThread(
  "touchPresence",
  async function touchPresence(
    db: Db,
    entry: { connectionId: string; articleId: string; userId: string; annotationId?: string | null },
  ): Promise<void> {
    const annotationId = entry.annotationId === undefined ? undefined : entry.annotationId;
    await db.presence.upsert({
      where: { connectionId: entry.connectionId },
      create: {
        connectionId: entry.connectionId,
        articleId: entry.articleId,
        userId: entry.userId,
        annotationId: annotationId ?? null,
        seenAt: new Date(),
      },
      update: { seenAt: new Date(), ...(annotationId !== undefined ? { annotationId } : {}) },
    });
  },
);

export const removePresence = onDbThread(
  "removePresence",
  async function removePresence(db: Db, connectionId: string): Promise<void> {
    await db.presence.deleteMany({ where: { connectionId } });
  },
);

/** Which annotation one of the user's own open streams is looking at; false when there is no such stream. */
export const focusPresence = onDbThread(
  "focusPresence",
  async function focusPresence(
    db: Db,
    {
      connectionId,
      articleId,
      userId,
      annotationId,
    }: { connectionId: string; articleId: string; userId: string; annotationId: string | null },
  ): Promise<boolean> {
    const updated = await db.presence.updateMany({
      where: { connectionId, articleId, userId },
      data: { annotationId, seenAt: new Date() },
    });
    return updated.count > 0;
  },
);

/** Who has the article open now, one entry per user (their most recent stream). */
export async function listPresence(db: Db, articleId: string, now = new Date()): Promise<PresentUser[]> {
  const rows = await db.presence.findMany({
    where: { articleId, seenAt: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) } },
    orderBy: { seenAt: "desc" },
    include: { user: { select: { id: true, name: true, deactivatedAt: true } } },
  });
  const byUser = new Map<string, PresentUser>();
  for (const row of rows) {
    if (row.user.deactivatedAt || byUser.has(row.userId)) continue;
    byUser.set(row.userId, {
      userId: row.userId,
      name: row.user.name,
      annotationId: row.annotationId,
      since: row.seenAt.toISOString(),
    });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Rows of streams that ended without saying so; any server may sweep them. */
export const sweepPresence = onDbThread(
  "sweepPresence",
  async function sweepPresence(db: Db, now: Date): Promise<void> {
    await db.presence.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 4 * PRESENCE_TTL_MS) } } });
  },
);
