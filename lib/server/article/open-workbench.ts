import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { latestEventId } from "../../realtime/article-events";
import type { ArticleSummaryView } from "../../views/article-view";
import { loadArticleSummaryView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

/**
 * The article for the workbench page, with the event id it reflects at least
 * (decision 006, "Resume from the render"). The id is read first: every event
 * up to it committed before the article was read, so the page shows it; later
 * ones may show too, and the stream, resuming from the id, replays them, which
 * changes nothing (versions decide). So the page never reads the article twice.
 * Each annotation comes as its summary: its details are read when it is opened (decision 028).
 */
export async function openWorkbench(
  db: Db,
  { actor, articleId }: { actor: Actor; articleId: string },
): Promise<{ article: ArticleSummaryView; since: number }> {
  requirePermission(actor, "read:article");
  const since = await latestEventId(db, articleId);
  return { article: await loadArticleSummaryView(db, articleId), since };
}
