import { performance } from "node:perf_hooks";
import type { Db } from "../../../lib/db/client";
import { AUDIT } from "../../../lib/domain/audit-actions";
import type { Ack } from "./collab-load";
import type { ReceivedEvent, Subscriber } from "./collab-sse";

/** Nearest-rank percentile of unsorted values (NaN when there are none). */
export function percentile(values: readonly number[], p: number, sorted = false): number {
  if (!values.length) return NaN;
  const list = sorted ? values : [...values].sort((a, b) => a - b);
  return list[Math.min(list.length - 1, Math.max(0, Math.ceil((p / 100) * list.length) - 1))];
}

export type Percentiles = { count: number; p50: number; p95: number; p99: number; min: number; max: number };

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50, true),
    p95: percentile(sorted, 95, true),
    p99: percentile(sorted, 99, true),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
  };
}

export type SubscriberCheck = {
  name: string;
  server: string;
  /** Audit events of its article after its starting cursor: every one must arrive. */
  expected: number;
  received: number;
  missed: number;
  duplicates: number;
  /** Received ids that are not audit events of its article after its cursor (should be none). */
  unexpected: number;
  /** Acknowledged writes on its article with no matching event (same count per annotation, right type, version ≥ acked). */
  ackedWithoutEvent: number;
  error: string | null;
};

export type Verification = {
  ackedCreates: number;
  ackedUpdates: number;
  /** Acknowledged creates whose annotation is not in the database. */
  lostCreates: number;
  /** Acknowledged updates whose annotation is missing or holds an older version. */
  lostUpdates: number;
  /** Writes the database holds that were never acknowledged (in flight when the load stopped, or timed out). */
  committedUnacked: number;
  annotationsInDb: number;
  /** Annotations whose number of annotation.created/updated audit events is not their version. */
  auditMismatches: number;
  auditEvents: number;
  subscribers: SubscriberCheck[];
  /** receivedAt − ackedAt (ms), by "same server" / "across servers". */
  lagSinceAck: Record<string, number[]>;
  /** receivedAt − the audit row's createdAt (ms, wall clock, 1 ms resolution), by the same split. */
  lagSinceAudit: Record<string, number[]>;
};

const WRITE_ACTIONS: ReadonlySet<string> = new Set([AUDIT.annotation.created, AUDIT.annotation.updated]);

/**
 * After the load and the drain: every acknowledged write must be in the
 * database, and every subscriber must have received every audit event of its
 * article committed after it subscribed (which includes an event for every
 * acknowledged write). Event k of an annotation (in audit order) is write k
 * of that annotation: one connection writes each annotation, one request at a
 * time, so commit order is acknowledgement order.
 */
export async function verifyRun(
  db: Db,
  {
    articleIds,
    acks,
    subscribers,
    portLabels,
  }: { articleIds: string[]; acks: Ack[]; subscribers: Subscriber[]; portLabels: Map<string, string> },
): Promise<Verification> {
  const annotations = await db.annotation.findMany({
    where: { articleId: { in: articleIds } },
    select: { id: true, version: true },
  });
  const stored = new Map(annotations.map((row) => [row.id, row.version]));
  const audit = await db.auditEvent.findMany({
    where: { articleId: { in: articleIds } },
    select: { id: true, articleId: true, annotationId: true, action: true },
    orderBy: { id: "asc" },
  });

  const writesByAnnotation = new Map<string, Ack[]>();
  for (const ack of acks)
    writesByAnnotation.set(ack.annotationId, [...(writesByAnnotation.get(ack.annotationId) ?? []), ack]);
  for (const list of writesByAnnotation.values()) list.sort((a, b) => a.version - b.version);

  let lostCreates = 0;
  let lostUpdates = 0;
  let committedUnacked = 0;
  for (const [id, list] of writesByAnnotation) {
    const version = stored.get(id);
    if (version === undefined) {
      if (list.some((ack) => ack.kind === "create")) lostCreates++;
      lostUpdates += list.filter((ack) => ack.kind === "update").length;
      continue;
    }
    lostUpdates += list.filter((ack) => ack.kind === "update" && ack.version > version).length;
    committedUnacked += Math.max(0, version - Math.max(...list.map((ack) => ack.version)));
  }
  for (const [id, version] of stored) if (!writesByAnnotation.has(id)) committedUnacked += version;

  const auditWrites = new Map<string, number>();
  for (const row of audit)
    if (row.annotationId && WRITE_ACTIONS.has(row.action))
      auditWrites.set(row.annotationId, (auditWrites.get(row.annotationId) ?? 0) + 1);
  let auditMismatches = 0;
  for (const [id, version] of stored) if ((auditWrites.get(id) ?? 0) !== version) auditMismatches++;

  const lagSinceAck: Record<string, number[]> = {};
  const lagSinceAudit: Record<string, number[]> = {};
  const checks: SubscriberCheck[] = [];
  for (const subscriber of subscribers) {
    const cursor = subscriber.cursor ?? 0;
    const expected = new Set(
      audit.filter((row) => row.articleId === subscriber.articleId && row.id > cursor).map((row) => row.id),
    );
    const seen = new Map<number, ReceivedEvent>();
    let duplicates = 0;
    for (const event of subscriber.events) {
      if (seen.has(event.id)) duplicates++;
      else seen.set(event.id, event);
    }
    let missed = 0;
    for (const id of expected) if (!seen.has(id)) missed++;
    let unexpected = 0;
    for (const id of seen.keys()) if (!expected.has(id)) unexpected++;

    const eventsByAnnotation = new Map<string, ReceivedEvent[]>();
    for (const event of [...seen.values()].sort((a, b) => a.id - b.id)) {
      if (!event.annotationId || (event.event !== AUDIT.annotation.created && event.event !== AUDIT.annotation.updated))
        continue;
      eventsByAnnotation.set(event.annotationId, [...(eventsByAnnotation.get(event.annotationId) ?? []), event]);
    }
    let ackedWithoutEvent = 0;
    for (const [id, writes] of writesByAnnotation) {
      if (writes[0].articleId !== subscriber.articleId) continue;
      const events = eventsByAnnotation.get(id) ?? [];
      writes.forEach((write, k) => {
        const event = events[k];
        const type = k === 0 ? AUDIT.annotation.created : AUDIT.annotation.updated;
        if (!event || event.event !== type || (event.version ?? 0) < write.version) {
          ackedWithoutEvent++;
          return;
        }
        const split =
          portLabels.size > 1 && portLabels.get(write.port) !== subscriber.server.label
            ? "across servers"
            : "same server";
        (lagSinceAck[split] ??= []).push(event.at - write.at);
        if (event.auditAt !== undefined)
          (lagSinceAudit[split] ??= []).push(performance.timeOrigin + event.at - event.auditAt);
      });
    }
    checks.push({
      name: subscriber.name,
      server: subscriber.server.label,
      expected: expected.size,
      received: subscriber.events.length,
      missed,
      duplicates,
      unexpected,
      ackedWithoutEvent,
      error: subscriber.error,
    });
  }

  return {
    ackedCreates: acks.filter((ack) => ack.kind === "create").length,
    ackedUpdates: acks.filter((ack) => ack.kind === "update").length,
    lostCreates,
    lostUpdates,
    committedUnacked,
    annotationsInDb: stored.size,
    auditMismatches,
    auditEvents: audit.length,
    subscribers: checks,
    lagSinceAck,
    lagSinceAudit,
  };
}
