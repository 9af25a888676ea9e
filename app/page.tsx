import Link from "next/link";
import { sessionActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { KIND_LABELS, type AnnotationKind } from "@/lib/domain/annotation";
import { oneLine } from "@/lib/domain/one-line";
import { can } from "@/lib/domain/permissions";
import { getHealth } from "@/lib/server/health/get-health";
import { listArticles } from "@/lib/server/article/list-articles";
import { listChangesRequested } from "@/lib/server/review/list-changes-requested";
import { HOME_LIST_SIZE, listMyDrafts } from "@/lib/server/annotation/list-my-drafts";
import { reviewQueue } from "@/lib/server/review/review-queue";
import { articlesByStatus } from "@/lib/server/desk/articles-by-status";
import { reviewBacklog } from "@/lib/server/desk/review-backlog";
import { topSpeakers } from "@/lib/server/desk/top-speakers";
import { verdictWeeks } from "@/lib/server/desk/verdict-weeks";
import { DeskCharts } from "@/components/desk/DeskCharts";

export const dynamic = "force-dynamic";

const REVIEW_PREVIEW = 5;
const RECENT_ARTICLES = 5;
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** One annotation, linked to where the workbench opens it. */
function AnnotationItem({
  item,
  context,
}: {
  item: { id: string; kind: AnnotationKind; quote: string; article: { id: string } };
  context: string;
}) {
  return (
    <li>
      <Link href={`/articles/${item.article.id}#annotation-${encodeURIComponent(item.id)}`}>
        {KIND_LABELS[item.kind]} “{oneLine(item.quote, 80)}”
      </Link>{" "}
      <span className="muted">{context}</span>
    </li>
  );
}

export default async function HomePage() {
  const health = await getHealth();
  const actor = health.status === "ok" ? await sessionActor(await getDb()) : null;
  // Small, at the foot of the page: for whoever set the app up, not the day's work.
  const status = (
    <p className={health.status === "ok" ? "status status-ok small" : "status status-bad"} role="status">
      {health.status === "ok"
        ? `Ready — ${health.database.provider === "sqlite" ? "embedded SQLite" : "PostgreSQL"} database, fully migrated.`
        : `Not ready: ${health.reason}`}
    </p>
  );
  if (!actor) {
    return (
      <section className="page narrow">
        <h1>Factmark</h1>
        <p className="lede">
          A fact-check annotation workbench: import an article, mark its claims, denials and analysis, attach sources
          and verdicts, and publish a reviewed, self-contained fact-check.
        </p>
        <p>
          <Link className="button primary" href="/signin">
            Sign in
          </Link>
        </p>
        {status}
      </section>
    );
  }
  return (
    <section className="page home">
      <h1>Factmark</h1>
      <p className="lede">Good to see you, {actor.name}. Here is where your work stands.</p>
      <p className="home-actions">
        {can(actor.role, "create:article") && (
          <Link className="button primary" href="/articles/new">
            Import an article
          </Link>
        )}
        <Link href="/articles">All articles</Link>
        <Link href="/account">Your account</Link>
        {can(actor.role, "manage:users") && <Link href="/admin/users">Manage users</Link>}
      </p>
      <div className="home-grid">
        <HomeSections actor={actor} />
      </div>
      <Desk actor={actor} />
      {status}
    </section>
  );
}

/** The desk's figures: each a few GROUP BY queries, side by side. */
async function Desk({ actor }: { actor: Actor }) {
  const db = await getDb();
  const [backlog, statuses, weeks, speakers] = await Promise.all([
    reviewBacklog(db, { actor }),
    articlesByStatus(db, { actor }),
    verdictWeeks(db, { actor }),
    topSpeakers(db, { actor }),
  ]);
  return <DeskCharts backlog={backlog} statuses={statuses} weeks={weeks} speakers={speakers} />;
}

async function HomeSections({ actor }: { actor: Actor }) {
  const db = await getDb();
  const reviewer = can(actor.role, "review:annotation:others");
  // Independent queries, side by side: each is one or two bounded queries (no per-row lookups).
  const [drafts, requested, queue, recent] = await Promise.all([
    listMyDrafts(db, { actor }),
    listChangesRequested(db, { actor }),
    reviewer ? reviewQueue(db, { actor, input: { pageSize: REVIEW_PREVIEW } }) : null,
    listArticles(db, { actor, input: { pageSize: RECENT_ARTICLES } }),
  ]);
  return (
    <>
      <section className="card home-card" aria-labelledby="home-requested">
        <h2 id="home-requested">
          Changes requested of you {requested.total > 0 && <span className="count">({requested.total})</span>}
        </h2>
        {requested.items.length === 0 ? (
          <p className="muted">No reviewer has sent any of your annotations back.</p>
        ) : (
          <ul className="home-list">
            {requested.items.map((item) => (
              <AnnotationItem key={item.id} item={item} context={`in ${item.article.title}`} />
            ))}
          </ul>
        )}
        {requested.total > requested.items.length && (
          <p className="muted">And {requested.total - requested.items.length} more.</p>
        )}
      </section>
      <section className="card home-card" aria-labelledby="home-drafts">
        <h2 id="home-drafts">Your drafts {drafts.total > 0 && <span className="count">({drafts.total})</span>}</h2>
        {drafts.articles.length === 0 ? (
          <p className="muted">You have no annotations in draft: everything you wrote has been submitted.</p>
        ) : (
          <ul className="home-list">
            {drafts.articles.map((article) => (
              <li key={article.id}>
                <Link href={`/articles/${article.id}`}>{article.title}</Link>{" "}
                <span className="muted">{article.drafts === 1 ? "1 draft" : `${article.drafts} drafts`}</span>
              </li>
            ))}
          </ul>
        )}
        {drafts.articles.length === HOME_LIST_SIZE && (
          <p className="muted">Showing the {HOME_LIST_SIZE} articles with your most recent drafts.</p>
        )}
      </section>
      {queue && (
        <section className="card home-card" aria-labelledby="home-review">
          <h2 id="home-review">
            Waiting for your review {queue.total > 0 && <span className="count">({queue.total})</span>}
          </h2>
          {queue.items.length === 0 ? (
            <p className="muted">Nothing is waiting for you to review.</p>
          ) : (
            <ul className="home-list">
              {queue.items.map((item) => (
                <AnnotationItem
                  key={item.id}
                  item={item}
                  context={`by ${item.author.name}, in ${item.article.title}`}
                />
              ))}
            </ul>
          )}
          <p>
            <Link href="/review">Open the review queue</Link>
          </p>
        </section>
      )}
      <section className="card home-card" aria-labelledby="home-recent">
        <h2 id="home-recent">Recently changed articles</h2>
        {recent.articles.length === 0 ? (
          <p className="muted">No articles yet: import one to start.</p>
        ) : (
          <ul className="home-list">
            {recent.articles.map((article) => (
              <li key={article.id}>
                <Link href={`/articles/${article.id}`}>{article.title}</Link>{" "}
                <span className="muted">{when(article.updatedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
