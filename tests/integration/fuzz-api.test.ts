import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { createApiToken } from "@/lib/server/token/create-api-token";
import { createArticle } from "@/lib/server/article/create-article";
import { createComment } from "@/lib/server/comment/create-comment";
import { discoverApiRoutes } from "../../e2e/authz/routes";
import { createActor } from "../support/actors";
import { startAppServer, type AppServer } from "../support/app-server";
import { migratedTestDatabase, type MigratedTestDatabase } from "../support/test-database";

/**
 * Property-based fuzzing of every /api/v1 route (docs/decisions/012-no-500-on-any-input.md):
 * valid-looking requests, mutated (wrong types, NUL, lone surrogates, huge strings, deep
 * nesting, raw numbers JSON.stringify cannot write, malformed JSON, odd content types, bad
 * query parameters, bad path ids), sent to the production server as an editor, a reviewer
 * or an admin. Properties: the server never answers 5xx nor drops the connection; after a
 * 4xx the database is exactly as before; text with NUL or a lone surrogate is never accepted.
 *
 * Bounded and repeatable: FUZZ_SEED (fixed by default) and FUZZ_RUNS choose the cases,
 * FUZZ_SECONDS caps the time; fast-check prints the seed and path of a failing case, and
 * FUZZ_SEED=… FUZZ_PATH=… replays it (cases are costly HTTP round trips, so none is shrunk).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 75);
/** FUZZ_REPORT=1: run every case and list each failure, instead of stopping at the first. */
const REPORT = process.env.FUZZ_REPORT === "1";

let t: MigratedTestDatabase;
let server: AppServer;
const CALLERS = ["editor", "reviewer", "admin"] as const;
type Caller = (typeof CALLERS)[number];
const actors = {} as Record<Caller, Actor>;
const tokens = {} as Record<Caller, string>;

/** Rows the routes act on. A case may delete one (a 2xx DELETE); the next case gets a new one. */
type Fixtures = {
  articleId: string;
  annotationId: string;
  annotationVersion: number;
  sourceId: string;
  commentId: string;
  commentVersion: number;
  victimUserId: string;
  tokenId: string;
  /** Two speaker records: a merge of the second into the first consumes it (currentFixtures makes another). */
  speakerId: string;
  otherSpeakerId: string;
};
let fixtures: Fixtures;

const TEXT = "The mayor said crime fell by half last year, and the council agreed.";

async function freshAnnotation(articleId: string) {
  const created = await createAnnotation(t.db, {
    actor: actors.editor,
    articleId,
    input: { kind: "CLAIM", start: 4, end: 9, sources: [{ url: "https://example.org/a", title: "A" }] },
  });
  const comment = await createComment(t.db, {
    actor: actors.editor,
    annotationId: created.id,
    input: { body: "A comment" },
  });
  return {
    annotationId: created.id,
    annotationVersion: created.version,
    sourceId: created.sources[0].id,
    commentId: comment.id,
    commentVersion: comment.version,
  };
}

let speakers = 0;
const newSpeaker = async () => {
  const name = `Fuzz speaker ${++speakers}`;
  return (await t.db.speaker.create({ data: { name, nameKey: name.toLowerCase() } })).id;
};

/** The fixtures as they are now: a deleted annotation, source or comment is replaced, a signed-off or too short article too. */
async function currentFixtures(): Promise<Fixtures> {
  const article = await t.db.article.findUnique({
    where: { id: fixtures.articleId },
    include: { currentRevision: { select: { text: true } } },
  });
  // A fuzzed revision may have left a text too short for the fixture annotation's span (4–9).
  if (!article || article.status === "SIGNED_OFF" || (article.currentRevision?.text.length ?? 0) < 9)
    fixtures.articleId = (await createArticle(t.db, { actor: actors.editor, input: { title: "Fuzz", text: TEXT } })).id;
  const annotation = await t.db.annotation.findUnique({
    where: { id: fixtures.annotationId },
    include: { sources: true, comments: true },
  });
  if (
    !annotation ||
    annotation.articleId !== fixtures.articleId ||
    !annotation.sources.length ||
    !annotation.comments.length
  ) {
    Object.assign(fixtures, await freshAnnotation(fixtures.articleId));
  } else {
    Object.assign(fixtures, {
      annotationVersion: annotation.version,
      sourceId: annotation.sources[0].id,
      commentId: annotation.comments[0].id,
      commentVersion: annotation.comments[0].version,
    });
  }
  for (const key of ["speakerId", "otherSpeakerId"] as const)
    if (!(await t.db.speaker.findUnique({ where: { id: fixtures[key] } }))) fixtures[key] = await newSpeaker();
  const token = await t.db.apiToken.findUnique({ where: { id: fixtures.tokenId } });
  if (!token || token.revokedAt)
    fixtures.tokenId = (await createApiToken(t.db, { actor: actors.editor, input: { name: "spare" } })).id;
  return fixtures;
}

/** Tables whose row count a 4xx must leave as it was (API tokens: the ones not revoked). */
const COUNTED: [table: string, where?: string][] = [
  ["User"],
  ["UserSession"],
  ["ApiToken", `"revokedAt" IS NULL`],
  ["SignInAttempt"],
  ["Article"],
  ["ArticleRevision"],
  ["Annotation"],
  ["AnnotationEditor"],
  ["Source"],
  ["Comment"],
  ["SignOff"],
  ["AuditEvent"],
];
/** Tables whose newest `updatedAt` a 4xx must leave as it was. */
const UPDATED = ["User", "Article", "Annotation", "Source", "Comment"];
/**
 * One statement (one round trip, one snapshot) instead of eighteen queries: the fingerprint is
 * read once or twice per case, and on PostgreSQL those queries were a third of the fuzzer's time.
 * Same SQL on both databases; the values are cast to INTEGER and TEXT so both answer alike.
 */
const FINGERPRINT_SQL = `SELECT ${[
  ...COUNTED.map(
    ([table, where]) =>
      `(SELECT CAST(COUNT(*) AS INTEGER) FROM "${table}"${where ? ` WHERE ${where}` : ""}) AS "${table} rows"`,
  ),
  `(SELECT MAX("id") FROM "AuditEvent") AS "newest AuditEvent"`,
  ...UPDATED.map((table) => `(SELECT CAST(MAX("updatedAt") AS TEXT) FROM "${table}") AS "newest ${table} change"`),
].join(", ")}`;

/**
 * What a 4xx must leave untouched: the row count of every table, the newest audit event and
 * the newest change of every table that records one. Presence is left out (an open event
 * stream refreshes it on its own), as is a token's lastUsedAt (every authenticated call).
 */
async function fingerprint() {
  const [row] = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(FINGERPRINT_SQL);
  return row;
}

const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + "1" + "}".repeat(levels);
/** JSON texts that JSON.stringify cannot write, spliced in where their marker stands (named, so a failing case prints short). */
const RAW: Record<string, string> = {
  "1e309": "1e309",
  "-1e309": "-1e309",
  "-0": "-0",
  "1e-400": "1e-400",
  "30 digits": "123456789012345678901234567890",
  "[] 40 deep": deep(40),
  "[] 5000 deep": deep(5_000),
  "{} 5000 deep": deepObject(5_000),
  "300,000 characters": JSON.stringify("x".repeat(300_000)),
};
const raw = (name: keyof typeof RAW) => `@@raw:${name}@@`;
const spliceRaw = (json: string) => json.replace(/"@@raw:(.*?)@@"/g, (_, name: string) => RAW[name]);

const nastyString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\udc00\ud800",
    "",
    " ",
    raw("300,000 characters"),
    "😀",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "null",
    "true",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "%00",
    "../../etc/passwd",
    "c".repeat(25),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(...Object.keys(RAW).map(raw)),
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 53 - 1,
    2 ** 53 + 2,
    -(2 ** 63),
    Number.MAX_VALUE,
    [],
    {},
    [null],
    { "": "" },
    { __proto__: "x" },
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

/** One change to a valid body: a field (known, nested or new) set to something odd, or removed. */
const bodyMutation: fc.Arbitrary<Mutation> = fc.record({
  key: fc.oneof(fc.nat(), nastyString),
  value: nastyValue,
  remove: fc.boolean(),
  nested: fc.boolean(),
});

/** Whole bodies that are not the object the route wants, by name (a failing case prints short). */
const WHOLE: Record<string, string | Uint8Array<ArrayBuffer>> = {
  empty: "",
  "{": "{",
  "{oops}": "{oops}",
  "trailing comma": '{"a":1,}',
  null: "null",
  "[]": "[]",
  "42": "42",
  '"text"': '"text"',
  "1e309": "1e309",
  "[] 5000 deep": deep(5_000),
  "{} 5000 deep": deepObject(5_000),
  "[] 100000 deep": deep(100_000),
  "[] 100000 deep, unclosed": "[".repeat(100_000),
  "escaped lone surrogate": '{"a":"\\ud800"}',
  "escaped NUL": '{"a":"\\u0000"}',
  "escaped NUL key": '{"\\u0000":1}',
  NUL: "\u0000",
  __proto__: '{"__proto__":{"admin":true}}',
  constructor: '{"constructor":{"prototype":{"x":1}}}',
  "invalid UTF-8": Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
  "UTF-16": Uint8Array.from(Buffer.from('{"a":"b"}', "utf16le")),
};
const wholeBody = fc.constantFrom(...Object.keys(WHOLE));

const contentType = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  null,
  "application/json; charset=utf-16",
);

/**
 * Path ids: the real one, or one that is not, badly percent-encoded ones included (a lone
 * surrogate, a stray byte, a cut sequence: proxy.ts answers those 400); never a bare "..",
 * which the client itself resolves away.
 */
const pathId = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  fc.constantFrom(
    "",
    "nope",
    "c000000000000000000000000",
    "%00",
    "a%00b",
    "%2F",
    "%2E%2E",
    "x".repeat(3_000),
    "1e309",
    "-1",
    "%20",
    "%F0%9F%98%80",
    "clxxxxxxxxxxxxxxxxxxxxxxx%00",
    "'%20OR%201=1--",
  ),
  fc.constantFrom("%ED%A0%80", "%FF", "%E2%82", "%C0%AF", "a%ZZ", "%"),
);

// Long values stay under 16 KB in all: a URL that Next answers with a redirect comes back in its
// Location header, and the client refuses response headers over 16 KB.
const QUERY_NAMES = [
  "version",
  "format",
  "q",
  "status",
  "page",
  "pageSize",
  "annotationId",
  "lastEventId",
  "from",
  "to",
  "kind",
  "verdict",
  "speaker",
  "text",
  "limit",
  "excludeArticleId",
];
const queryValue = fc.oneof(
  fc.constantFrom(
    "%00",
    "a%00",
    "%ED%A0%80",
    "%FF",
    "1e309",
    "NaN",
    "-1",
    "0",
    "1.5",
    "",
    "x".repeat(4_000),
    "99999999999999999999",
    "9007199254740991",
    "2147483648",
    "w3c",
    "csv",
    "DRAFT",
    "%5B%5D",
    // Full-text query syntax (GET /api/v1/search): plain words to the app, never an FTS syntax error.
    "NEAR(%22crime%22",
    "crime*%20-fell%20%22",
  ),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const query: fc.Arbitrary<[string, string][]> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.constantFrom("x", "%00", "version%00")), queryValue),
  { maxLength: 3 },
);

type Target = {
  path: (f: Fixtures, id: (real: string) => string) => string;
  body?: (f: Fixtures) => Record<string, unknown>;
};

/** Every /api/v1 route with a valid request; a discovered route missing here fails the first test. */
const TARGETS: Record<string, Target> = {
  "GET /api/v1/me": { path: () => "/api/v1/me" },
  // Callers here use tokens: always refused (a password change needs a session), never a 5xx, nothing stored.
  "POST /api/v1/me/password": {
    path: () => "/api/v1/me/password",
    body: () => ({ currentPassword: "a long password 1", newPassword: "another long password" }),
  },
  "GET /api/v1/users": { path: () => "/api/v1/users" },
  "POST /api/v1/users": {
    path: () => "/api/v1/users",
    body: () => ({
      email: `fuzz-${Math.random().toString(36).slice(2)}@example.org`,
      name: "Fuzz",
      role: "EDITOR",
      password: "a long password 1",
    }),
  },
  "PATCH /api/v1/users/:id": {
    path: (f, id) => `/api/v1/users/${id(f.victimUserId)}`,
    body: () => ({ role: "REVIEWER", name: "Victim" }),
  },
  "GET /api/v1/tokens": { path: () => "/api/v1/tokens" },
  "POST /api/v1/tokens": { path: () => "/api/v1/tokens", body: () => ({ name: "fuzz" }) },
  "DELETE /api/v1/tokens/:id": { path: (f, id) => `/api/v1/tokens/${id(f.tokenId)}` },
  "GET /api/v1/articles": { path: () => "/api/v1/articles" },
  "POST /api/v1/articles": {
    path: () => "/api/v1/articles",
    body: () => ({
      title: "Fuzzed",
      text: TEXT,
      sourceUrl: "https://example.org/story",
      publisher: "P",
      author: "A",
      publishedAt: "2026-03-14",
    }),
  },
  // A private address: refused without any network traffic (the test server denies private hosts).
  "POST /api/v1/articles/fetch": {
    path: () => "/api/v1/articles/fetch",
    body: () => ({ url: "http://127.0.0.1:9/story" }),
  },
  "POST /api/v1/articles/preview": {
    path: () => "/api/v1/articles/preview",
    body: () => ({
      html: "<!doctype html><html><body><article><h1>Fuzzed</h1><p>A paragraph.</p></article></body></html>",
    }),
  },
  "GET /api/v1/articles/:id": { path: (f, id) => `/api/v1/articles/${id(f.articleId)}` },
  "PATCH /api/v1/articles/:id": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}`,
    body: () => ({ publicUrl: "https://checks.example/fuzzed" }),
  },
  "GET /api/v1/articles/:id/events": { path: (f, id) => `/api/v1/articles/${id(f.articleId)}/events` },
  "POST /api/v1/articles/:id/presence": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}/presence`,
    body: (f) => ({ connectionId: "00000000-0000-4000-8000-000000000000", annotationId: f.annotationId }),
  },
  "POST /api/v1/articles/:id/annotations": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}/annotations`,
    body: () => ({
      kind: "CLAIM",
      start: 4,
      end: 9,
      quote: "mayor",
      speaker: "S",
      note: "N",
      verdict: "FALSE",
      rationale: "R",
      sources: [{ url: "https://example.org/s", title: "T", accessedAt: "2026-03-14" }],
    }),
  },
  "POST /api/v1/articles/:id/annotations/import": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}/annotations/import`,
    body: () => ({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", purpose: "commenting", value: "imported" },
      target: { selector: { type: "TextQuoteSelector", exact: "crime fell" } },
    }),
  },
  "POST /api/v1/articles/:id/submit-drafts": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}/submit-drafts`,
    body: (f) => ({ ids: [f.annotationId] }),
  },
  "POST /api/v1/articles/:id/sign-off": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}/sign-off`,
    body: () => ({ note: "ok" }),
  },
  "POST /api/v1/articles/:id/reopen": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}/reopen`,
    body: () => ({ note: "correction" }),
  },
  // Appends to the text: a new revision each time, and the fixtures' spans at its start stay valid.
  "POST /api/v1/articles/:id/revisions": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}/revisions`,
    body: () => ({ text: `${TEXT} Updated ${Math.random().toString(36).slice(2)}.`, note: "fuzz" }),
  },
  "GET /api/v1/articles/:id/revisions/diff": {
    path: (f, id) => `/api/v1/articles/${id(f.articleId)}/revisions/diff`,
  },
  "GET /api/v1/articles/:id/audit": { path: (f, id) => `/api/v1/articles/${id(f.articleId)}/audit` },
  "GET /api/v1/articles/:id/export": { path: (f, id) => `/api/v1/articles/${id(f.articleId)}/export` },
  "GET /api/v1/review-queue": { path: () => "/api/v1/review-queue" },
  "GET /api/v1/search": { path: () => "/api/v1/search" },
  "GET /api/v1/claims/similar": { path: () => "/api/v1/claims/similar" },
  "GET /api/v1/speakers": { path: () => "/api/v1/speakers?q=fuzz" },
  "GET /api/v1/speakers/:id": { path: (f, id) => `/api/v1/speakers/${id(f.speakerId)}` },
  "PATCH /api/v1/speakers/:id": {
    path: (f, id) => `/api/v1/speakers/${id(f.speakerId)}`,
    body: () => ({ role: "Minister", description: "Fuzzed" }),
  },
  "POST /api/v1/speakers/:id/merge": {
    path: (f, id) => `/api/v1/speakers/${id(f.speakerId)}/merge`,
    body: (f) => ({ from: f.otherSpeakerId }),
  },
  "GET /api/v1/annotations/:id": { path: (f, id) => `/api/v1/annotations/${id(f.annotationId)}` },
  "PATCH /api/v1/annotations/:id": {
    path: (f, id) => `/api/v1/annotations/${id(f.annotationId)}`,
    body: (f) => ({ version: f.annotationVersion, note: "changed", speaker: "S2" }),
  },
  "DELETE /api/v1/annotations/:id": { path: (f, id) => `/api/v1/annotations/${id(f.annotationId)}` },
  "POST /api/v1/annotations/:id/sources": {
    path: (f, id) => `/api/v1/annotations/${id(f.annotationId)}/sources`,
    body: (f) => ({ url: "https://example.org/b", title: "B", version: f.annotationVersion }),
  },
  "PATCH /api/v1/sources/:id": {
    path: (f, id) => `/api/v1/sources/${id(f.sourceId)}`,
    body: (f) => ({ title: "B2", position: 0, version: f.annotationVersion }),
  },
  "DELETE /api/v1/sources/:id": { path: (f, id) => `/api/v1/sources/${id(f.sourceId)}` },
  "POST /api/v1/annotations/:id/submit": {
    path: (f, id) => `/api/v1/annotations/${id(f.annotationId)}/submit`,
    body: (f) => ({ version: f.annotationVersion }),
  },
  "POST /api/v1/reviews": {
    path: () => "/api/v1/reviews",
    body: (f) => ({
      decisions: [
        { annotationId: f.annotationId, decision: "REQUEST_CHANGES", note: "why", version: f.annotationVersion },
      ],
    }),
  },
  "POST /api/v1/annotations/:id/review": {
    path: (f, id) => `/api/v1/annotations/${id(f.annotationId)}/review`,
    body: (f) => ({ decision: "REQUEST_CHANGES", note: "why", version: f.annotationVersion }),
  },
  "GET /api/v1/annotations/:id/comments": { path: (f, id) => `/api/v1/annotations/${id(f.annotationId)}/comments` },
  "POST /api/v1/annotations/:id/comments": {
    path: (f, id) => `/api/v1/annotations/${id(f.annotationId)}/comments`,
    body: () => ({ body: "A fuzzed comment" }),
  },
  "PATCH /api/v1/comments/:id": {
    path: (f, id) => `/api/v1/comments/${id(f.commentId)}`,
    body: (f) => ({ body: "Edited", version: f.commentVersion }),
  },
  "DELETE /api/v1/comments/:id": { path: (f, id) => `/api/v1/comments/${id(f.commentId)}` },
};
const ROUTES = discoverApiRoutes();

/** `key`: a new field's name, or which of the body's own fields (by its place) to change. */
type Mutation = { key: string | number; value: unknown; remove: boolean; nested: boolean };
type FuzzCase = {
  route: string;
  caller: Caller;
  id: string | null;
  query: [string, string][];
  body: { valid: true } | Mutation[] | { whole: string };
  contentType: string | null;
};

const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  route: fc.constantFrom(...ROUTES),
  caller: fc.constantFrom(...CALLERS),
  id: pathId,
  query,
  body: fc.oneof(
    { weight: 1, arbitrary: fc.constant({ valid: true as const }) },
    { weight: 4, arbitrary: fc.array(bodyMutation, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: wholeBody.map((whole) => ({ whole })) },
  ),
  contentType,
});

function setPath(body: Record<string, unknown>, mutation: Mutation) {
  // A nested change goes into the first object or array value (sources[0], body, target …), if any.
  const nestedKey = mutation.nested
    ? Object.keys(body).find((key) => body[key] && typeof body[key] === "object")
    : undefined;
  let target = nestedKey === undefined ? body : (body[nestedKey] as Record<string, unknown>);
  if (Array.isArray(target)) target = (target[0] ?? target) as Record<string, unknown>;
  if (!target || typeof target !== "object") target = body;
  const keys = Object.keys(target);
  const key = typeof mutation.key === "string" ? mutation.key : (keys[mutation.key % Math.max(keys.length, 1)] ?? "x");
  if (mutation.remove) delete target[key];
  else target[key] = mutation.value;
}

/** The request a case describes, and whether its body carries text the server must refuse. */
function requestFor(c: FuzzCase, f: Fixtures) {
  const method = c.route.slice(0, c.route.indexOf(" "));
  const target = TARGETS[c.route];
  let path = target.path(f, (real) => c.id ?? real);
  if (c.query.length) path += "?" + c.query.map(([name, value]) => `${name}=${value}`).join("&");
  if (c.route === "GET /api/v1/articles/:id/export" && !c.query.length) path += "?format=w3c";
  if (c.route === "GET /api/v1/articles/:id/revisions/diff" && !c.query.length) path += "?from=1&to=1";
  if (c.route === "GET /api/v1/claims/similar" && !c.query.length) path += "?text=crime%20fell%2012%25";
  let text: string | Uint8Array<ArrayBuffer> | undefined;
  if (method === "POST" || method === "PATCH") {
    if ("whole" in c.body) text = WHOLE[c.body.whole];
    else {
      const body = structuredClone(target.body?.(f) ?? {});
      if (Array.isArray(c.body)) for (const mutation of c.body) setPath(body, mutation);
      text = spliceRaw(JSON.stringify(body));
    }
  }
  // JSON.stringify writes NUL and lone surrogates (only those) as \u escapes; bytes that are not UTF-8 would be stored as U+FFFD.
  // (An escape, not an escaped backslash followed by "u0000": an even run of backslashes before it.)
  const refusable =
    typeof text === "string"
      ? /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i.test(text) || text.includes("\u0000")
      : text !== undefined;
  return { method, path, text, refusable };
}

async function send(c: FuzzCase, f: Fixtures) {
  const { method, path, text, refusable } = requestFor(c, f);
  const headers: Record<string, string> = { Authorization: `Bearer ${tokens[c.caller]}` };
  if (c.contentType && text !== undefined) headers["Content-Type"] = c.contentType;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 30_000);
  const request = `${method} ${path.slice(0, 300)} ${typeof text === "string" ? text.slice(0, 300) : text ? "(bytes)" : ""}`;
  try {
    // Bytes are copied: fetch takes over (detaches) the buffer it sends. A redirect (Next sends one for "//") is an answer, not followed.
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: typeof text === "string" ? text : text?.slice(),
      signal: abort.signal,
      redirect: "manual",
    });
    // An event stream never ends: its status and first bytes are the answer.
    const answer = response.headers.get("content-type")?.startsWith("text/event-stream")
      ? "(event stream)"
      : await response.text();
    return { status: response.status, answer, refusable, request };
  } catch (error) {
    throw new Error(`${request}\n→ no answer (${(error as Error).message}: ${String((error as Error).cause)})`);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

beforeAll(async () => {
  t = await migratedTestDatabase();
  for (const role of CALLERS) {
    actors[role] = await createActor(t.db, role.toUpperCase() as Actor["role"], `${role}@example.org`);
    tokens[role] = (await createApiToken(t.db, { actor: actors[role], input: { name: "fuzz" } })).token;
  }
  const victim = await createActor(t.db, "EDITOR", "victim@example.org");
  const articleId = (await createArticle(t.db, { actor: actors.editor, input: { title: "Fuzz", text: TEXT } })).id;
  const tokenId = (await createApiToken(t.db, { actor: actors.editor, input: { name: "spare" } })).id;
  fixtures = {
    articleId,
    victimUserId: victim.id,
    tokenId,
    speakerId: await newSpeaker(),
    otherSpeakerId: await newSpeaker(),
    ...(await freshAnnotation(articleId)),
  };
  server = await startAppServer(t.target.url);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await t?.close();
});

describe("fuzzing every /api/v1 route", () => {
  it("has a valid request for every route", () => {
    expect(ROUTES.filter((route) => !TARGETS[route])).toEqual([]);
    expect(Object.keys(TARGETS).filter((route) => !ROUTES.includes(route))).toEqual([]);
  });

  it(
    "never answers 5xx, changes nothing on a 4xx, and never accepts NUL or a lone surrogate",
    async () => {
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(fuzzCase, async (c) => {
          const f = await currentFixtures();
          const before = await fingerprint();
          const { status, answer, refusable, request } = await send(c, f);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          try {
            expect(status, `${request}\n→ ${status} ${answer.slice(0, 300)}`).toBeLessThan(500);
            if (status >= 400)
              expect(await fingerprint(), `${request}\n→ ${status}: the database changed`).toEqual(before);
            if (refusable)
              expect(
                status,
                `${request}\n→ ${status}: accepted NUL, a lone surrogate or bytes that are not UTF-8`,
              ).toBeGreaterThanOrEqual(300);
          } catch (error) {
            if (!REPORT) throw error;
            failures.push((error as Error).message.slice(0, 700));
          }
        }),
        {
          seed: SEED,
          numRuns: RUNS,
          interruptAfterTimeLimit: SECONDS * 1000,
          markInterruptAsFailure: false,
          path: process.env.FUZZ_PATH,
          endOnFailure: true,
        },
      );
      expect(failures, `${failures.length} failing cases:\n${failures.join("\n\n")}`).toEqual([]);
      console.log(
        `[fuzz] ${t.target.provider}, seed ${SEED}: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      // Enough of the cases got through authentication and validation to test the writes behind them.
      expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
    },
    (SECONDS + 60) * 1000,
  );
});
