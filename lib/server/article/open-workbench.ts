import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { latestEventId } from "../../realtime/article-events";
import type { ArticleView } from "../../views/article-view";
import { loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

/**
 * The article for the workbench page, with the event id it reflects at least
 * (decision 006, "Resume from the render"). The id is read first: every event
 * up to it committed before the article was read, so the page shows it; later
 * ones may show too, and the stream, resuming from the id, replays them, which
 * changes nothing (versions decide). So the page never reads the article twice.
 */
export async function openWorkbench(
  db: Db,
  { actor, articleId }: { actor: Actor; articleId: string },
): Promise<{ article: ArticleView; since: number }> {
  requirePermission(actor, "read:article");
  const since = await latestEventId(db, articleId);
  return { article: await loadArticleView(db, articleId), since };
}
