import type { Db } from "../db/client";
import { chunks, CHUNK_SIZE, inChunks } from "../db/chunked";
import { perClient } from "../db/per-client";
import { actionsStreamedAs, AUDIT, streamEventOf, type AuditPayload } from "../domain/audit-actions";
import { annotationInclude, toAnnotationView, toReviewView, type AnnotationView } from "../views/article-view";
import { commentInclude, toCommentView, type CommentView } from "../views/comment-view";

export type StreamEvent = { id?: number; event: string; data: Record<string, unknown> };
export type EventPage = { events: StreamEvent[]; lastId: number; truncated: boolean };
type Wanted = { articleId: string; afterId: number };
const WANTED_PER_QUERY = CHUNK_SIZE / 2;

// Which stored rows need the article's status, and which name a comment (lib/domain/audit-actions.ts maps actions to events).
const ARTICLE_UPDATES = actionsStreamedAs(AUDIT.article.status);
const COMMENT_EVENTS = actionsStreamedAs(AUDIT.comment.created, AUDIT.comment.updated, AUDIT.comment.deleted);
// Which carry the annotation's state: not, e.g., the thousands of annotation.reanchored rows of one revision.
const ANNOTATION_EVENTS = actionsStreamedAs(AUDIT.annotation.created, AUDIT.annotation.updated);

/**
 * The article's committed changes after `afterId`, as stream events carrying
 * each entity's current state and version (receivers replace what they hold).
 * Built from the audit trail, which is written in the same transaction as
 * every change: the stream can never show a change that was rolled back, and
 * a reconnecting client can be told exactly what it missed.
 */
export async function eventsSince(db: Db, articleId: string, afterId: number, limit: number): Promise<EventPage> {
  return (await eventsSinceMany(db, [{ articleId, afterId }], limit))[0];
}

/**
 * eventsSince for several articles in one round of queries (the audit rows
 * with their actors, then the annotations and comments they name): what a
 * busy server needs when many articles change at the same moment. One page
 * per request, in order; a page is `truncated` when more may follow.
 */
export async function eventsSinceMany(db: Db, wanted: Wanted[], limit: number): Promise<EventPage[]> {
  // Two parameters per article and cursor: a round of more streams than a statement may carry is read in slices.
  if (wanted.length > WANTED_PER_QUERY) {
    const pages: EventPage[] = [];
    for (const slice of chunks(wanted, WANTED_PER_QUERY)) pages.push(...(await eventsSinceMany(db, slice, limit)));
    return pages;
  }
  const take = limit * wanted.length + 1;
  const rows = await db.auditEvent.findMany({
    where: { OR: wanted.map(({ articleId, afterId }) => ({ articleId, id: { gt: afterId } })) },
    orderBy: { id: "asc" },
    take,
    include: { actor: { select: { id: true, name: true } } },
  });
  // Past the overall cap an article's later rows may be missing, so every page then counts as truncated (read again).
  const capped = rows.length === take;
  const byArticle = new Map<string, AuditRow[]>();
  for (const row of rows) {
    if (!row.articleId) continue;
    const list = byArticle.get(row.articleId);
    if (list) list.push(row);
    else byArticle.set(row.articleId, [row]);
  }
  // Streams on one article may stand at different cursors: each page starts after its own.
  const slices = wanted.map(({ articleId, afterId }) => {
    const list = byArticle.get(articleId) ?? [];
    const from = firstAfter(list, afterId);
    return { page: list.slice(from, from + limit), more: list.length - from > limit };
  });
  const { annotations, comments } = await entitiesOf(
    db,
    slices.flatMap(({ page }) => page),
  );
  // Read once per article however many of its streams are in the round.
  const statusOf = new Map<string, ReturnType<typeof articleStatus>>();
  const statusFor = (articleId: string) =>
    statusOf.get(articleId) ?? statusOf.set(articleId, articleStatus(db, articleId)).get(articleId)!;

  return Promise.all(
    wanted.map(async ({ articleId, afterId }, i) => {
      const { page, more } = slices[i];
      const truncated = capped || more;
      if (!page.length) return { events: [], lastId: afterId, truncated };
      const article = page.some((row) => ARTICLE_UPDATES.has(row.action)) ? await statusFor(articleId) : null;
      return {
        events: lastOfEachNoopRun(page.map((row) => toStreamEvent(row, annotations, comments, article))),
        lastId: page.at(-1)!.id,
        truncated,
      };
    }),
  );
}

/**
 * A run of noops only moves the client's cursor, so its last one does the
 * same: a revision's thousands of annotation.reanchored rows (the client
 * re-reads the article on article.revised) become one event, not thousands.
 */
function lastOfEachNoopRun(events: StreamEvent[]): StreamEvent[] {
  return events.filter((event, i) => event.event !== "noop" || events[i + 1]?.event !== "noop");
}

/** The index of the first row with an id above `afterId` (rows in id order): a binary search, so a round stays linear in its rows. */
function firstAfter(rows: readonly { id: number }[], afterId: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid].id > afterId) high = mid;
    else low = mid + 1;
  }
  return low;
}

type AuditRow = {
  id: number;
  articleId: string | null;
  action: string;
  payload: string;
  annotationId: string | null;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

/** The current state of the annotations and comments the rows name (gone ones are simply absent). */
async function entitiesOf(db: Db, rows: AuditRow[]) {
  const annotationIds = [
    ...new Set(
      rows
        .filter((row) => ANNOTATION_EVENTS.has(row.action))
        .map((row) => row.annotationId)
        .filter((id): id is string => Boolean(id)),
    ),
  ];
  const commentIds = [
    ...new Set(
      rows
        .filter((row) => COMMENT_EVENTS.has(row.action))
        .map((row) => String((JSON.parse(row.payload) as { commentId?: string }).commentId ?? "")),
    ),
  ];
  const [commentRows, annotationRows] = await Promise.all([
    // A page of a busy round can name thousands: in slices, so neither the ids nor the includes' IN lists pass the limit.
    inChunks(commentIds, (ids) => db.comment.findMany({ where: { id: { in: ids } }, include: commentInclude })),
    inChunks(annotationIds, (ids) =>
      db.annotation.findMany({ where: { id: { in: ids } }, include: annotationInclude }),
    ),
  ]);
  return {
    comments: new Map<string, CommentView>(commentRows.map((row) => [row.id, toCommentView(row)])),
    annotations: new Map<string, AnnotationView>(annotationRows.map((row) => [row.id, toAnnotationView(row)])),
  };
}

function articleStatus(db: Db, articleId: string) {
  return db.article.findUnique({
    where: { id: articleId },
    select: {
      status: true,
      version: true,
      signOffs: {
        where: { decision: "APPROVED" },
        orderBy: { createdAt: "desc" },
        take: 1,
        include: { reviewer: { select: { id: true, name: true } } },
      },
    },
  });
}

function toStreamEvent(
  row: AuditRow,
  annotations: Map<string, AnnotationView>,
  comments: Map<string, CommentView>,
  article: Awaited<ReturnType<typeof articleStatus>>,
): StreamEvent {
  const base = { actor: row.actor, at: row.createdAt.toISOString(), action: row.action };
  const event = streamEventOf(row.action);
  switch (event) {
    case AUDIT.annotation.created:
    case AUDIT.annotation.updated: {
      const annotation = row.annotationId ? annotations.get(row.annotationId) : undefined;
      if (!annotation) return { id: row.id, event: AUDIT.annotation.deleted, data: { ...base, id: row.annotationId } };
      return { id: row.id, event, data: { ...base, annotation } };
    }
    case AUDIT.annotation.deleted:
      return { id: row.id, event, data: { ...base, id: row.annotationId } };
    case AUDIT.article.status:
      if (!article) break;
      return {
        id: row.id,
        event,
        data: {
          ...base,
          status: article.status,
          version: article.version,
          signOff: article.status === "SIGNED_OFF" ? toReviewView(article.signOffs[0]) : null,
        },
      };
    case AUDIT.article.revised: {
      // From the row itself: every annotation may have moved, and the workbench re-reads the article once.
      const p = JSON.parse(row.payload) as Partial<AuditPayload<typeof AUDIT.article.revised>>;
      return {
        id: row.id,
        event,
        data: {
          ...base,
          revision: { id: p.revisionId, number: p.number, note: p.note ?? null, createdAt: base.at },
          reanchoring: { anchored: p.anchored ?? 0, changed: p.changed ?? 0, orphaned: p.orphaned ?? 0 },
          version: p.version,
        },
      };
    }
    case AUDIT.comment.created:
    case AUDIT.comment.updated:
    case AUDIT.comment.deleted: {
      const payload = JSON.parse(row.payload) as { commentId?: string };
      const view = (payload.commentId ? comments.get(payload.commentId) : undefined) ?? null;
      return {
        id: row.id,
        event: view ? event : AUDIT.comment.deleted,
        data: { ...base, commentId: payload.commentId, annotationId: row.annotationId, comment: view },
      };
    }
  }
  // Other audit entries (e.g. article.created) still move the cursor, so Last-Event-ID stays exact.
  return { id: row.id, event: "noop", data: base };
}

type Batch = { wanted: Wanted[]; index: Map<string, number>; pages: Promise<EventPage[]> };
/** Per client and page size: the round of reads running now, and the one gathering requests to run after it. */
type Rounds = { running: Promise<unknown> | null; next: Batch | null };
const roundsByLimit = perClient(() => new Map<number, Rounds>());

/**
 * eventsSince for the event streams, in rounds: one round of reads
 * (eventsSinceMany) runs at a time per server, and every request made while
 * it runs joins the next one. When articles change, all of their streams on
 * this server are told at once and are usually at the same cursor; under
 * load, changes arrive faster than a round takes, so a round covers all of
 * them. A busy server does one round at a time, however many streams and
 * changes; a quiet one starts a round at once. Pages are read-only to callers.
 */
export function batchedEventsSince(db: Db, articleId: string, afterId: number, limit: number): Promise<EventPage> {
  const byLimit = roundsByLimit(db);
  const state = byLimit.get(limit) ?? { running: null, next: null };
  byLimit.set(limit, state);
  const batch = (state.next ??= gather(db, state, limit));
  const key = `${articleId}\u0000${afterId}`;
  let index = batch.index.get(key);
  if (index === undefined) {
    index = batch.wanted.push({ articleId, afterId }) - 1;
    batch.index.set(key, index);
  }
  const at = index;
  return batch.pages.then((pages) => pages[at]);
}

/** A batch that starts when the running round ends (or, if none, once this turn's microtasks have queued their requests). */
function gather(db: Db, state: Rounds, limit: number): Batch {
  const wanted: Wanted[] = [];
  // A microtask queued now runs after those already queued: the reads of every stream told in
  // this turn join first. (Not setImmediate: under load that waits behind every pending I/O.)
  const turn = new Promise<void>((resolve) => queueMicrotask(resolve));
  const pages = Promise.all([turn, state.running]).then(() => {
    state.next = null;
    const round = eventsSinceMany(db, wanted, limit);
    const running = round.then(
      () => undefined,
      () => undefined,
    );
    state.running = running;
    void running.then(() => {
      if (state.running === running) state.running = null;
    });
    return round;
  });
  return { wanted, index: new Map(), pages };
}

/** The id a new stream starts after: the article's newest audit event. */
export async function latestEventId(db: Db, articleId: string): Promise<number> {
  return (await db.auditEvent.aggregate({ where: { articleId }, _max: { id: true } }))._max.id ?? 0;
}
