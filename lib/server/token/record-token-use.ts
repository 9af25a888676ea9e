import type { Db } from "../../db/client";
import { onDbThread } from "../../db-thread/on-db-thread";

/**
 * Writes when a token was last used (authenticateToken decides how often).
 * On the SQLite database thread: on the request thread this write could wait
 * there for the write lock while the thread commits, stalling every request.
 */
export const recordTokenUse = onDbThread(
  "recordTokenUse",
  async function recordTokenUse(db: Db, { tokenHash, at }: { tokenHash: string; at: Date }): Promise<void> {
    await db.apiToken.updateMany({ where: { tokenHash }, data: { lastUsedAt: at } });
  },
);
