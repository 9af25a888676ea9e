import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import type { BenchArticle } from "./collab-setup";

/** A write the server acknowledged (2xx): the annotation, the version the response carried, when and through which server. */
export type Ack = {
  kind: "create" | "update";
  annotationId: string;
  articleId: string;
  version: number;
  at: number;
  port: string;
};
export type Failure = { kind: "create" | "update"; status: number; body: string };

export type LoadResult = {
  result: autocannon.Result;
  acks: Ack[];
  failures: Failure[];
  /** Response times (ms) as autocannon measured them, by request kind; `later` leaves out each connection's first response; `answeredAt[i]` is when `all[i]` came back (performance.now()). */
  latency: { all: number[]; create: number[]; update: number[]; later: number[]; answeredAt: number[] };
  startedAt: number;
  finishedAt: number;
};

/** What one connection carries from its POST to its PATCH; autocannon resets it each time the pair starts over. */
type Context = { token?: string; articleId?: string; port?: string; annotationId?: string; version?: number };

type RequestSpec = autocannon.Request & { port?: string | number };

/**
 * `connections` autocannon connections (spread round-robin over `urls`), each
 * repeating: POST an annotation on a random article at random valid offsets,
 * then PATCH its note with the version the POST returned. Every 2xx is
 * recorded as an acknowledged write; each pair uses one writer's token, so a
 * connection only ever updates its own annotation (a 409 would be a bug).
 */
export async function runCollabLoad({
  urls,
  connections,
  seconds,
  articles,
  tokens,
  rate,
}: {
  urls: string[];
  connections: number;
  seconds: number;
  articles: BenchArticle[];
  tokens: string[];
  rate?: number;
}): Promise<LoadResult> {
  const acks: Ack[] = [];
  const failures: Failure[] = [];
  const latency = {
    all: [] as number[],
    create: [] as number[],
    update: [] as number[],
    later: [] as number[],
    answeredAt: [] as number[],
  };
  const answered = new WeakSet<object>();
  let lastKind: "create" | "update" = "create";
  let pairs = 0;

  const fail = (kind: Failure["kind"], status: number, body: string) => {
    if (failures.length < 10_000) failures.push({ kind, status, body: body.slice(0, 300) });
  };

  const requests: RequestSpec[] = [
    {
      method: "POST",
      setupRequest: (request: RequestSpec, raw: object) => {
        const context = raw as Context;
        const article = articles[Math.floor(Math.random() * articles.length)];
        const start = Math.floor(Math.random() * (article.length - 60));
        const end = start + 5 + Math.floor(Math.random() * 50);
        context.token = tokens[pairs++ % tokens.length];
        context.articleId = article.id;
        context.port = String(request.port);
        return {
          ...request,
          path: `/api/v1/articles/${article.id}/annotations`,
          headers: { ...request.headers, authorization: `Bearer ${context.token}`, "content-type": "application/json" },
          body: JSON.stringify({ kind: "CLAIM", start, end }),
        };
      },
      onResponse: (status: number, body: string, raw: object) => {
        const context = raw as Context;
        lastKind = "create";
        if (status < 200 || status > 299) return fail("create", status, body);
        const view = JSON.parse(body) as { id: string; version: number };
        context.annotationId = view.id;
        context.version = view.version;
        acks.push({
          kind: "create",
          annotationId: view.id,
          articleId: context.articleId!,
          version: view.version,
          at: performance.now(),
          port: context.port!,
        });
      },
    },
    {
      method: "PATCH",
      setupRequest: (request: RequestSpec, raw: object) => {
        const context = raw as Context;
        // No acknowledged create to update: start the pair over (autocannon counts a reset).
        if (!context.annotationId) return null as unknown as RequestSpec;
        return {
          ...request,
          path: `/api/v1/annotations/${context.annotationId}`,
          headers: { ...request.headers, authorization: `Bearer ${context.token}`, "content-type": "application/json" },
          body: JSON.stringify({
            version: context.version,
            note: `checked by the collaboration bench at ${Date.now()}`,
          }),
        };
      },
      onResponse: (status: number, body: string, raw: object) => {
        const context = raw as Context;
        lastKind = "update";
        if (status < 200 || status > 299) return fail("update", status, body);
        const view = JSON.parse(body) as { id: string; version: number };
        acks.push({
          kind: "update",
          annotationId: view.id,
          articleId: context.articleId!,
          version: view.version,
          at: performance.now(),
          port: context.port!,
        });
      },
    },
  ];

  const startedAt = performance.now();
  const run = (groupConnections: number, groupRate: number | undefined, duration = seconds, groupUrls = urls) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          // autocannon takes several URLs and spreads the connections over them round-robin (its types say string).
          url: (groupUrls.length === 1 ? groupUrls[0] : groupUrls) as string,
          connections: groupConnections,
          duration,
          pipelining: 1,
          timeout: 10,
          // An offered rate (requests/s over the group's connections), or as fast as answers come back (closed loop).
          ...(groupRate ? { overallRate: groupRate } : {}),
          requests,
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      // The per-request onResponse runs synchronously just before this event, so lastKind names the request.
      instance.on("response", (client, _status, _bytes, responseTime) => {
        latency.all.push(responseTime);
        latency.answeredAt.push(performance.now());
        latency[lastKind].push(responseTime);
        if (answered.has(client)) latency.later.push(responseTime);
        answered.add(client);
      });
    });

  if (!rate)
    return {
      result: await run(connections, undefined),
      acks,
      failures,
      latency,
      startedAt,
      finishedAt: performance.now(),
    };
  // autocannon's rate limit hands each connection its quota at the start of every second, all
  // connections at once: a burst of `connections` concurrent requests each second, then silence.
  // Independent clients are not synchronised like that, so each connection runs on its own, its
  // seconds starting at an evenly spread moment (all of them stop together).
  const phaseMs = 1000 / connections;
  const results = await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      await new Promise((resolve) => setTimeout(resolve, c * phaseMs));
      // One connection each, so spread them over the servers here (autocannon would put every one on the first).
      return run(1, share(rate, connections, c), seconds - (c * phaseMs) / 1000, [urls[c % urls.length]]);
    }),
  );
  return {
    result: mergeResults(results, latency.all),
    acks,
    failures,
    latency,
    startedAt,
    finishedAt: performance.now(),
  };
}

/** The g-th of n near-equal parts of total. */
const share = (total: number, n: number, g: number) => Math.floor(total / n) + (g < total % n ? 1 : 0);

/** One result for several autocannon runs: counts summed; the latency histogram from every response seen. */
function mergeResults(results: autocannon.Result[], latencies: number[]): autocannon.Result {
  const sum = (pick: (result: autocannon.Result) => number) =>
    results.reduce((total, result) => total + (pick(result) || 0), 0);
  const statusCodeStats: Record<string, { count: number }> = {};
  for (const result of results) {
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
      statusCodeStats[code] = {
        count: (statusCodeStats[code]?.count ?? 0) + ((stat as { count?: number }).count ?? 0),
      };
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    ...results[0],
    connections: sum((result) => result.connections),
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    resets: sum((result) => result.resets),
    statusCodeStats,
    latency: { ...results[0].latency, p50: at(0.5), p97_5: at(0.975), p99: at(0.99), max: sorted.at(-1) ?? 0 },
  } as autocannon.Result;
}
