import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import type { BenchArticle } from "./collab-setup";

/** A write the server acknowledged (2xx): the annotation, the version the response carried, when and through which server. */
export type Ack = { kind: "create" | "update"; annotationId: string; articleId: string; version: number; at: number; port: string };
export type Failure = { kind: "create" | "update"; status: number; body: string };

export type LoadResult = {
  result: autocannon.Result;
  acks: Ack[];
  failures: Failure[];
  /** Response times (ms) as autocannon measured them, by request kind; `later` leaves out each connection's first response. */
  latency: { all: number[]; create: number[]; update: number[]; later: number[] };
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
export async function runCollabLoad({ urls, connections, seconds, articles, tokens, rate }: { urls: string[]; connections: number; seconds: number; articles: BenchArticle[]; tokens: string[]; rate?: number }): Promise<LoadResult> {
  const acks: Ack[] = [];
  const failures: Failure[] = [];
  const latency = { all: [] as number[], create: [] as number[], update: [] as number[], later: [] as number[] };
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
        acks.push({ kind: "create", annotationId: view.id, articleId: context.articleId!, version: view.version, at: performance.now(), port: context.port! });
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
          body: JSON.stringify({ version: context.version, note: `checked by the collaboration bench at ${Date.now()}` }),
        };
      },
      onResponse: (status: number, body: string, raw: object) => {
        const context = raw as Context;
        lastKind = "update";
        if (status < 200 || status > 299) return fail("update", status, body);
        const view = JSON.parse(body) as { id: string; version: number };
        acks.push({ kind: "update", annotationId: view.id, articleId: context.articleId!, version: view.version, at: performance.now(), port: context.port! });
      },
    },
  ];

  const startedAt = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        // autocannon takes several URLs and spreads the connections over them round-robin (its types say string).
        url: (urls.length === 1 ? urls[0] : urls) as string,
        connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
        // An offered rate (requests/s over all connections), or as fast as answers come back (closed loop).
        ...(rate ? { overallRate: rate } : {}),
        requests,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // The per-request onResponse runs synchronously just before this event, so lastKind names the request.
    instance.on("response", (client, _status, _bytes, responseTime) => {
      latency.all.push(responseTime);
      latency[lastKind].push(responseTime);
      if (answered.has(client)) latency.later.push(responseTime);
      answered.add(client);
    });
  });
  return { result, acks, failures, latency, startedAt, finishedAt: performance.now() };
}
