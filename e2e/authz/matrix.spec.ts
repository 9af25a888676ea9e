import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demoAccount, signInViaApi, uniqueEmail } from "../support/accounts";
import { discoverApiRoutes } from "./routes";

/**
 * The authorization matrix: every /api/v1 route × every kind of caller, with
 * the status each must get, against the real server and database. A route
 * without a row fails the first test: add one when you add a route.
 */
const CALLERS = ["anonymous", "editor", "reviewer", "admin", "deactivated", "revoked"] as const;
type Caller = (typeof CALLERS)[number];

type Fixtures = {
  victimUserId: string;
  othersTokenId: string;
  articleId: string;
  /** A fresh claim written by the demo editor, for routes that consume one per call. */
  freshAnnotation: () => Promise<{ id: string; version: number; sourceId: string }>;
  annotationVersion: (id: string) => Promise<number>;
  annotationId: string;
  sourceId: string;
  /** A claim by the editor, already submitted for review. */
  freshSubmitted: () => Promise<string>;
  /** An article whose only claim is approved: ready to sign off. */
  freshApprovedArticle: () => Promise<string>;
  freshSignedOffArticle: () => Promise<string>;
  /**
   * A fresh comment (version 1) on the shared claim, written by the caller
   * this call is for: a row's test asks once per caller, in CALLERS order, so
   * the n-th call for a route is CALLERS[n % 6]'s. Callers refused before any
   * lookup (401) get one of the editor's.
   */
  ownComment: (route: string) => Promise<string>;
  /** A speaker record with a claim. */
  speakerId: string;
  /** Two new speaker records, each with a claim: a merge consumes one. */
  freshSpeakers: () => Promise<{ into: string; from: string }>;
};
type Row = {
  route: string;
  path?: (fixtures: Fixtures) => string | Promise<string>;
  body?: (fixtures: Fixtures) => unknown;
  /** An event stream: read the status and headers, then hang up (its body never ends). */
  stream?: boolean;
  expect: Record<Caller, number>;
};

const DENIED = { anonymous: 401, deactivated: 401, revoked: 401 } as const;

const MATRIX: Row[] = [
  {
    route: "GET /api/v1/articles/:id/events",
    path: (f) => `/api/v1/articles/${f.articleId}/events`,
    stream: true,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  // Presence belongs to an open stream of one's own; without one it is "not found" for everybody.
  {
    route: "POST /api/v1/articles/:id/presence",
    path: (f) => `/api/v1/articles/${f.articleId}/presence`,
    body: () => ({ connectionId: "00000000-0000-4000-8000-000000000000", annotationId: null }),
    expect: { ...DENIED, editor: 404, reviewer: 404, admin: 404 },
  },
  { route: "GET /api/v1/me", expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 } },
  // A password change needs a browser session too (with one: tests/integration/change-password.test.ts, e2e/accounts/password.spec.ts).
  {
    route: "POST /api/v1/me/password",
    body: () => ({ currentPassword: "whatever it is", newPassword: "a long new password" }),
    expect: { ...DENIED, editor: 403, reviewer: 403, admin: 403 },
  },
  { route: "GET /api/v1/users", expect: { ...DENIED, editor: 403, reviewer: 403, admin: 200 } },
  {
    route: "POST /api/v1/users",
    body: () => ({ email: uniqueEmail("matrix"), name: "Matrix user", role: "EDITOR", password: "a long password 1" }),
    expect: { ...DENIED, editor: 403, reviewer: 403, admin: 201 },
  },
  {
    route: "PATCH /api/v1/users/:id",
    path: (f) => `/api/v1/users/${f.victimUserId}`,
    body: () => ({ role: "EDITOR" }),
    expect: { ...DENIED, editor: 403, reviewer: 403, admin: 200 },
  },
  // Every caller here uses a token, and token management needs a browser session (so a token cannot mint tokens).
  // With a session: the tokens' own e2e test, tests/integration/sessions.test.ts, and someone else's token is "not found" (tests/integration/accounts.test.ts).
  { route: "GET /api/v1/tokens", expect: { ...DENIED, editor: 403, reviewer: 403, admin: 403 } },
  {
    route: "POST /api/v1/tokens",
    body: () => ({ name: "matrix token" }),
    expect: { ...DENIED, editor: 403, reviewer: 403, admin: 403 },
  },
  {
    route: "DELETE /api/v1/tokens/:id",
    path: (f) => `/api/v1/tokens/${f.othersTokenId}`,
    expect: { ...DENIED, editor: 403, reviewer: 403, admin: 403 },
  },
  { route: "GET /api/v1/articles", expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 } },
  {
    route: "POST /api/v1/articles",
    body: () => ({ title: "Matrix article", text: "One line of text." }),
    expect: { ...DENIED, editor: 201, reviewer: 201, admin: 201 },
  },
  // A fragment: read as it is, whatever the extractor makes of whole pages (fetching one: e2e/import/real-page.spec.ts).
  {
    route: "POST /api/v1/articles/fetch",
    body: () => ({ html: "<p>One paragraph of an article.</p>" }),
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/articles/preview",
    body: () => ({ html: "<h2>A heading</h2><p>One paragraph of an article.</p>" }),
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "GET /api/v1/articles/:id",
    path: (f) => `/api/v1/articles/${f.articleId}`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "PATCH /api/v1/articles/:id",
    path: (f) => `/api/v1/articles/${f.articleId}`,
    body: () => ({ publicUrl: "https://checks.example/matrix" }),
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/articles/:id/annotations",
    path: (f) => `/api/v1/articles/${f.articleId}/annotations`,
    body: () => ({ kind: "CLAIM", start: 0, end: 3 }),
    expect: { ...DENIED, editor: 201, reviewer: 201, admin: 201 },
  },
  // An annotation's details, read when the workbench opens it: whoever may read the article.
  {
    route: "GET /api/v1/annotations/:id",
    path: (f) => `/api/v1/annotations/${f.annotationId}`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "PATCH /api/v1/annotations/:id",
    path: (f) => `/api/v1/annotations/${f.annotationId}`,
    body: async (f) => ({ version: await f.annotationVersion(f.annotationId), note: "matrix" }),
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  // The claim is the editor's own; reviewers and admins may delete others' work.
  {
    route: "DELETE /api/v1/annotations/:id",
    path: async (f) => `/api/v1/annotations/${(await f.freshAnnotation()).id}`,
    expect: { ...DENIED, editor: 204, reviewer: 204, admin: 204 },
  },
  {
    route: "POST /api/v1/annotations/:id/sources",
    path: (f) => `/api/v1/annotations/${f.annotationId}/sources`,
    body: () => ({ url: "https://example.org/source" }),
    expect: { ...DENIED, editor: 201, reviewer: 201, admin: 201 },
  },
  {
    route: "PATCH /api/v1/sources/:id",
    path: (f) => `/api/v1/sources/${f.sourceId}`,
    body: () => ({ title: "Matrix source" }),
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "DELETE /api/v1/sources/:id",
    path: async (f) => `/api/v1/sources/${(await f.freshAnnotation()).sourceId}`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/annotations/:id/submit",
    path: async (f) => `/api/v1/annotations/${(await f.freshAnnotation()).id}/submit`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  // The claim is the editor's: editors may not review at all, and nobody reviews their own work.
  {
    route: "POST /api/v1/annotations/:id/review",
    path: async (f) => `/api/v1/annotations/${await f.freshSubmitted()}/review`,
    body: () => ({ decision: "APPROVE" }),
    expect: { ...DENIED, editor: 403, reviewer: 200, admin: 200 },
  },
  // The batch routes, by the single ones' rules: an article with nothing of the caller's to submit answers an empty list.
  {
    route: "POST /api/v1/articles/:id/submit-drafts",
    path: async (f) => `/api/v1/articles/${await f.freshApprovedArticle()}/submit-drafts`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/reviews",
    body: async (f) => ({ decisions: [{ annotationId: await f.freshSubmitted(), decision: "APPROVE" }] }),
    expect: { ...DENIED, editor: 403, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/articles/:id/sign-off",
    path: async (f) => `/api/v1/articles/${await f.freshApprovedArticle()}/sign-off`,
    expect: { ...DENIED, editor: 403, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/articles/:id/reopen",
    path: async (f) => `/api/v1/articles/${await f.freshSignedOffArticle()}/reopen`,
    body: () => ({ note: "correction" }),
    expect: { ...DENIED, editor: 403, reviewer: 200, admin: 200 },
  },
  // A new revision: editors and up, each on a fresh article (its text must differ from the current one).
  {
    route: "POST /api/v1/articles/:id/revisions",
    path: async (f) => `/api/v1/articles/${await f.freshApprovedArticle()}/revisions`,
    body: () => ({ text: "A claim to approve, as corrected.", note: "matrix" }),
    expect: { ...DENIED, editor: 201, reviewer: 201, admin: 201 },
  },
  {
    route: "GET /api/v1/articles/:id/revisions/diff",
    path: (f) => `/api/v1/articles/${f.articleId}/revisions/diff?from=1&to=1`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "GET /api/v1/articles/:id/audit",
    path: (f) => `/api/v1/articles/${f.articleId}/audit`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  // Everyone signed in sees speakers and keeps their profile up to date; only admins merge them.
  { route: "GET /api/v1/speakers", expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 } },
  {
    route: "GET /api/v1/speakers/:id",
    path: (f) => `/api/v1/speakers/${f.speakerId}`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "PATCH /api/v1/speakers/:id",
    path: (f) => `/api/v1/speakers/${f.speakerId}`,
    body: () => ({ role: `Role ${Date.now().toString(36)}` }),
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/speakers/:id/merge",
    path: async (f) => {
      const pair = await f.freshSpeakers();
      mergeFrom = pair.from;
      return `/api/v1/speakers/${pair.into}/merge`;
    },
    body: () => ({ from: mergeFrom }),
    expect: { ...DENIED, editor: 403, reviewer: 403, admin: 200 },
  },
  { route: "GET /api/v1/review-queue", expect: { ...DENIED, editor: 403, reviewer: 200, admin: 200 } },
  // "Checked before" (decision 030): whoever may read articles.
  {
    route: "GET /api/v1/claims/similar",
    path: () => "/api/v1/claims/similar?text=unemployment%20rose%20by%2020%20per%20cent",
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  // Search: everyone signed in.
  {
    route: "GET /api/v1/search",
    path: () => "/api/v1/search?q=crime&kind=CLAIM",
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "GET /api/v1/articles/:id/export",
    path: (f) => `/api/v1/articles/${f.articleId}/export?format=w3c`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/articles/:id/annotations/import",
    path: (f) => `/api/v1/articles/${f.articleId}/annotations/import`,
    body: () => ({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", purpose: "commenting", value: "imported" },
      target: { selector: { type: "TextQuoteSelector", exact: "crime fell" } },
    }),
    expect: { ...DENIED, editor: 201, reviewer: 201, admin: 201 },
  },
  {
    route: "GET /api/v1/annotations/:id/comments",
    path: (f) => `/api/v1/annotations/${f.annotationId}/comments`,
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "POST /api/v1/annotations/:id/comments",
    path: (f) => `/api/v1/annotations/${f.annotationId}/comments`,
    body: () => ({ body: "A matrix comment" }),
    expect: { ...DENIED, editor: 201, reviewer: 201, admin: 201 },
  },
  // Each caller edits and deletes a comment of their own (editing others' words is refused to all, even admins: tests/integration/comments.test.ts).
  {
    route: "PATCH /api/v1/comments/:id",
    path: async (f) => `/api/v1/comments/${await f.ownComment("PATCH /api/v1/comments/:id")}`,
    body: () => ({ body: "Edited in the matrix", version: 1 }),
    expect: { ...DENIED, editor: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "DELETE /api/v1/comments/:id",
    path: async (f) => `/api/v1/comments/${await f.ownComment("DELETE /api/v1/comments/:id")}`,
    expect: { ...DENIED, editor: 204, reviewer: 204, admin: 204 },
  },
];

let admin: APIRequestContext;
/** The record the merge row's body names: made with the pair its path merges into. */
let mergeFrom = "";
const tokens: Partial<Record<Caller, string>> = {};
let fixtures: Fixtures;

async function tokenFor(
  email: string,
  password: string,
  name = "matrix",
): Promise<{ token: string; id: string; context: APIRequestContext }> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  await signInViaApi(context, email, password);
  const created = await (await context.post("/api/v1/tokens", { data: { name } })).json();
  return { token: created.token, id: created.id, context };
}

test.beforeAll(async () => {
  const adminAccount = demoAccount("ADMIN");
  const adminToken = await tokenFor(adminAccount.email, adminAccount.password);
  admin = adminToken.context;
  tokens.admin = adminToken.token;
  for (const role of ["EDITOR", "REVIEWER"] as const) {
    const account = demoAccount(role);
    const { token, context } = await tokenFor(account.email, account.password);
    tokens[role.toLowerCase() as Caller] = token;
    await context.dispose();
  }

  const password = "matrix password 1";
  const victim = await (
    await admin.post("/api/v1/users", {
      data: { email: uniqueEmail("victim"), name: "Victim", role: "REVIEWER", password },
    })
  ).json();
  const gone = await (
    await admin.post("/api/v1/users", { data: { email: uniqueEmail("gone"), name: "Gone", role: "EDITOR", password } })
  ).json();
  const goneToken = await tokenFor(gone.email, password);
  tokens.deactivated = goneToken.token;
  await goneToken.context.dispose();
  expect((await admin.patch(`/api/v1/users/${gone.id}`, { data: { active: false } })).status()).toBe(200);

  const revoked = await tokenFor(victim.email, password, "to revoke");
  expect((await revoked.context.delete(`/api/v1/tokens/${revoked.id}`)).status()).toBe(200);
  tokens.revoked = revoked.token;
  const spare = await tokenFor(victim.email, password, "someone else's");
  await spare.context.dispose();
  await revoked.context.dispose();
  const editorApi = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${tokens.editor}` },
  });
  const article = await (
    await editorApi.post("/api/v1/articles", {
      data: { title: "Matrix fixture", text: "The mayor said crime fell by half last year." },
    })
  ).json();
  const freshAnnotation = async () => {
    const created = await (
      await editorApi.post(`/api/v1/articles/${article.id}/annotations`, {
        data: { kind: "CLAIM", start: 4, end: 9, sources: [{ url: "https://example.org/a" }] },
      })
    ).json();
    return { id: created.id, version: created.version, sourceId: created.sources[0].id };
  };
  const shared = await freshAnnotation();
  const annotationVersion = async (id: string) => {
    const current = await (await editorApi.get(`/api/v1/articles/${article.id}`)).json();
    return current.annotations.find((annotation: { id: string }) => annotation.id === id).version;
  };
  const reviewerApi = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${tokens.reviewer}` },
  });
  const ok = async (response: Promise<APIResponse>) => {
    const settled = await response;
    expect(settled.ok(), await settled.text()).toBe(true);
    return settled.json();
  };
  const freshSubmitted = async () => {
    const { id } = await freshAnnotation();
    await ok(editorApi.post(`/api/v1/annotations/${id}/submit`));
    return id as string;
  };
  const freshApprovedArticle = async () => {
    const fresh = await ok(
      editorApi.post("/api/v1/articles", { data: { title: "Matrix sign-off", text: "A claim to approve." } }),
    );
    // Rated: sign-off refuses claims without a verdict (#13).
    const created = await ok(
      editorApi.post(`/api/v1/articles/${fresh.id}/annotations`, {
        data: { kind: "CLAIM", start: 0, end: 7, verdict: "FALSE" },
      }),
    );
    await ok(editorApi.post(`/api/v1/annotations/${created.id}/submit`));
    await ok(reviewerApi.post(`/api/v1/annotations/${created.id}/review`, { data: { decision: "APPROVE" } }));
    return fresh.id as string;
  };
  const freshSignedOffArticle = async () => {
    const id = await freshApprovedArticle();
    await ok(reviewerApi.post(`/api/v1/articles/${id}/sign-off`));
    return id;
  };
  const commenters: Partial<Record<Caller, APIRequestContext>> = { editor: editorApi, reviewer: reviewerApi, admin };
  const commentCalls = new Map<string, number>();
  const ownComment = async (route: string) => {
    const calls = commentCalls.get(route) ?? 0;
    commentCalls.set(route, calls + 1);
    const caller = CALLERS[calls % CALLERS.length];
    const created = await ok(
      (commenters[caller] ?? editorApi).post(`/api/v1/annotations/${shared.id}/comments`, {
        data: { body: `A comment by the ${caller}` },
      }),
    );
    return created.id as string;
  };
  let speakers = 0;
  const speakerNamed = async (name: string) => {
    await ok(
      editorApi.post(`/api/v1/articles/${article.id}/annotations`, {
        data: { kind: "CLAIM", start: 4, end: 9, speaker: name },
      }),
    );
    const found = await ok(editorApi.get(`/api/v1/speakers?q=${encodeURIComponent(name)}`));
    return found.items.find((item: { name: string }) => item.name === name).id as string;
  };
  const freshSpeakers = async () => {
    speakers++;
    const stamp = `${Date.now().toString(36)} ${speakers}`;
    return { into: await speakerNamed(`Matrix into ${stamp}`), from: await speakerNamed(`Matrix from ${stamp}`) };
  };
  fixtures = {
    speakerId: await speakerNamed(`Matrix speaker ${Date.now().toString(36)}`),
    freshSpeakers,
    victimUserId: victim.id,
    othersTokenId: spare.id,
    articleId: article.id,
    freshAnnotation,
    annotationVersion,
    annotationId: shared.id,
    sourceId: shared.sourceId,
    freshSubmitted,
    freshApprovedArticle,
    freshSignedOffArticle,
    ownComment,
  };
});

test.afterAll(() => admin?.dispose());

test("every /api/v1 route has a row in the matrix, and every row a route", () => {
  expect(MATRIX.map((row) => row.route).sort()).toEqual(discoverApiRoutes());
});

for (const row of MATRIX) {
  test(`${row.route}`, async () => {
    const [method, template] = row.route.split(" ");
    const context = await playwrightRequest.newContext({ baseURL });
    try {
      for (const caller of CALLERS) {
        const headers: Record<string, string> = tokens[caller] ? { Authorization: `Bearer ${tokens[caller]}` } : {};
        const target = row.path ? await row.path(fixtures) : template;
        if (row.stream) {
          const hangUp = new AbortController();
          const response = await fetch(`${baseURL}${target}`, { method, headers, signal: hangUp.signal });
          expect.soft(response.status, `${caller} → ${row.route}`).toBe(row.expect[caller]);
          if (response.ok) expect.soft(response.headers.get("content-type")).toContain("text/event-stream");
          hangUp.abort();
          continue;
        }
        const response = await context.fetch(target, { method, headers, data: await row.body?.(fixtures) });
        expect.soft(response.status(), `${caller} → ${row.route}`).toBe(row.expect[caller]);
        if (response.status() >= 400) {
          const body = await response.json();
          expect
            .soft(body.error?.code, `${caller} → ${row.route} error code`)
            .toBe({ 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND" }[response.status()]);
        }
      }
    } finally {
      await context.dispose();
    }
  });
}
