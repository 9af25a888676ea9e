import type { Db } from "../../../lib/db/client";
import type { Provider } from "../../../lib/db/providers";

/** The search index's triggers (migration 20261201031000_search_index) as they are defined in the database. */
export type TriggerDefinitions = { provider: Provider; drop: string[]; create: string[] };

export async function searchTriggers(db: Db, provider: Provider): Promise<TriggerDefinitions> {
  if (provider === "sqlite") {
    const rows = await db.$queryRaw<{ name: string; sql: string }[]>`
      SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'AnnotationFts_%' OR name LIKE 'ArticleFts_%')`;
    return { provider, drop: rows.map((row) => `DROP TRIGGER "${row.name}"`), create: rows.map((row) => row.sql) };
  }
  const rows = await db.$queryRaw<{ name: string; table: string; definition: string }[]>`
    SELECT t.tgname AS name, c.relname AS "table", pg_get_triggerdef(t.oid) AS definition
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND (t.tgname LIKE 'AnnotationFts_%' OR t.tgname LIKE 'ArticleFts_%')`;
  return {
    provider,
    drop: rows.map((row) => `DROP TRIGGER "${row.name}" ON "${row.table}"`),
    create: rows.map((row) => row.definition),
  };
}

/** Switches the index's upkeep off (drop the triggers) or on again (create them as they were). */
export async function setTriggers(db: Db, triggers: TriggerDefinitions, on: boolean): Promise<void> {
  for (const statement of on ? triggers.create : triggers.drop) await db.$executeRawUnsafe(statement);
}
