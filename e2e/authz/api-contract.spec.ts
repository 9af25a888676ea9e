import { expect, request as playwrightRequest, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demoAccount, signInViaApi, uniqueEmail } from "../support/accounts";

/** The /api/v1 contract beyond who may call what: validation, size, cross-site requests. */
test.describe("the /api/v1 contract", () => {
  test("invalid input is 422 INVALID naming each bad field; emails are normalised and unique", async ({ request }) => {
    const admin = demoAccount("ADMIN");
    await signInViaApi(request, admin.email, admin.password);
    const headers = { Origin: baseURL };
    const bad = await request.post("/api/v1/users", {
      headers,
      data: { email: "not-an-email", name: " ", role: "CHIEF", password: "short" },
    });
    expect(bad.status()).toBe(422);
    const body = await bad.json();
    expect(body.error.code).toBe("INVALID");
    expect(body.error.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);

    const email = uniqueEmail("Case");
    const created = await request.post("/api/v1/users", {
      headers,
      data: { email: `  ${email.toUpperCase()} `, name: "Case", role: "EDITOR", password: "a long password 1" },
    });
    expect(created.status()).toBe(201);
    expect((await created.json()).email).toBe(email.toLowerCase());
    const duplicate = await request.post("/api/v1/users", {
      headers,
      data: { email, name: "Again", role: "EDITOR", password: "a long password 1" },
    });
    expect(duplicate.status()).toBe(422);
    expect((await duplicate.json()).error.fields).toEqual([
      { path: "email", message: "a user with this email already exists" },
    ]);
  });

  test("a body over 1 MB is 413, not a crash, and the server keeps serving", async ({ request }) => {
    const editor = demoAccount("EDITOR");
    await signInViaApi(request, editor.email, editor.password);
    const response = await request.post("/api/v1/tokens", {
      headers: { Origin: baseURL, "Content-Type": "application/json" },
      data: Buffer.from(JSON.stringify({ name: "x".repeat(1_100_000) })),
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.code).toBe("TOO_LARGE");
    expect((await request.get("/api/v1/me")).status()).toBe(200);
  });

  test("a session's mutation from another origin is refused; the same with a token is not subject to it", async () => {
    const editor = demoAccount("EDITOR");
    const session = await playwrightRequest.newContext({ baseURL });
    await signInViaApi(session, editor.email, editor.password);
    const crossSite = await session.post("/api/v1/tokens", {
      headers: { Origin: "https://evil.example" },
      data: { name: "csrf" },
    });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error.code).toBe("FORBIDDEN");
    const noOrigin = await session.post("/api/v1/tokens", { data: { name: "csrf" } });
    expect(noOrigin.status()).toBe(403);
    const sameSite = await session.post("/api/v1/tokens", { headers: { Origin: baseURL }, data: { name: "ok" } });
    expect(sameSite.status()).toBe(201);
    const { token } = await sameSite.json();
    await session.dispose();

    const scripted = await playwrightRequest.newContext({ baseURL });
    const withToken = await scripted.post("/api/v1/articles", {
      headers: { Origin: "https://evil.example", Authorization: `Bearer ${token}` },
      data: { title: "From a script", text: "Sent with a token." },
    });
    expect(withToken.status()).toBe(201);
    // Token management itself is not for tokens, from any origin.
    const minted = await scripted.post("/api/v1/tokens", {
      headers: { Authorization: `Bearer ${token}` },
      data: { name: "a child" },
    });
    expect(minted.status()).toBe(403);
    expect((await minted.json()).error.message).toMatch(/browser session/);
    await scripted.dispose();
  });

  test("GET /api/v1/annotations/:id answers the whole annotation; an unknown or impossible id is 404", async ({
    request,
  }) => {
    const editor = demoAccount("EDITOR");
    await signInViaApi(request, editor.email, editor.password);
    const headers = { Origin: baseURL };
    const article = await (
      await request.post("/api/v1/articles", { headers, data: { title: "Details contract", text: "One two three." } })
    ).json();
    const created = await (
      await request.post(`/api/v1/articles/${article.id}/annotations`, {
        headers,
        data: { kind: "CLAIM", start: 0, end: 3, note: "The team's note" },
      })
    ).json();
    await request.post(`/api/v1/annotations/${created.id}/sources`, {
      headers,
      data: { url: "https://example.org/details", version: created.version },
    });
    const read = await request.get(`/api/v1/annotations/${created.id}`);
    expect(read.status()).toBe(200);
    expect(await read.json()).toMatchObject({
      id: created.id,
      label: created.label,
      note: "The team's note",
      version: created.version + 1,
      sources: [{ url: "https://example.org/details" }],
      lastReview: null,
    });
    // The workbench's re-reads take the article with summaries: the details stay behind.
    const summaries = await (await request.get(`/api/v1/articles/${article.id}?annotations=summary`)).json();
    expect(summaries.annotations).toEqual([expect.objectContaining({ id: created.id, label: created.label })]);
    expect(summaries.annotations[0]).not.toHaveProperty("note");
    expect(summaries.annotations[0]).not.toHaveProperty("sources");
    const badShape = await request.get(`/api/v1/articles/${article.id}?annotations=some`);
    expect(badShape.status()).toBe(422);
    expect((await badShape.json()).error.fields).toEqual([{ path: "annotations", message: "must be full or summary" }]);
    const unknown = await request.get("/api/v1/annotations/cunknownannotation0000000");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("NOT_FOUND");
    // Like every /api/v1 path id, one that cannot be an id is "not found" without asking the database.
    expect((await request.get("/api/v1/annotations/%00bad")).status()).toBe(404);
  });

  test("GET /api/v1/search: bad filters are 422 naming each field; full-text syntax in q is plain words, never an error", async ({
    request,
  }) => {
    const reviewer = demoAccount("REVIEWER");
    await signInViaApi(request, reviewer.email, reviewer.password);
    const bad = await request.get(`/api/v1/search?q=${"x".repeat(501)}&kind=OPINION&from=yesterday&page=0`);
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      "from",
      "kind",
      "page",
      "q",
    ]);
    const backwards = await request.get("/api/v1/search?from=2026-02-01&to=2026-01-01");
    expect(backwards.status()).toBe(422);
    expect((await backwards.json()).error.fields.map((field: { path: string }) => field.path)).toEqual(["to"]);
    for (const q of ['"', "NEAR(", "*", "-", ":", "a AND OR", "x".repeat(500)]) {
      const response = await request.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(response.status(), q).toBe(200);
      const body = await response.json();
      expect(body.annotations).toMatchObject({ page: 1, pageSize: 20 });
      expect(Array.isArray(body.articles.items)).toBe(true);
    }
  });

  test("GET /api/v1/claims/similar answers items, and 422 naming text or limit when they are out of range", async ({
    request,
  }) => {
    const editor = demoAccount("EDITOR");
    await signInViaApi(request, editor.email, editor.password);
    const found = await request.get("/api/v1/claims/similar?text=crime%20fell%20by%20half&limit=3");
    expect(found.status()).toBe(200);
    expect((await found.json()).items).toEqual(expect.any(Array));
    for (const [query, field] of [
      ["text=ab", "text"],
      ["text=crime%20fell&limit=0", "limit"],
      ["text=crime%20fell&limit=21", "limit"],
    ]) {
      const refused = await request.get(`/api/v1/claims/similar?${query}`);
      expect(refused.status()).toBe(422);
      expect((await refused.json()).error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
    }
  });

  test("a malformed JSON body is 422 naming the body", async ({ request }) => {
    const editor = demoAccount("EDITOR");
    await signInViaApi(request, editor.email, editor.password);
    const response = await request.post("/api/v1/tokens", {
      headers: { Origin: baseURL, "Content-Type": "application/json" },
      data: Buffer.from("{not json"),
    });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.fields).toEqual([{ path: "", message: "is not valid JSON" }]);
  });
  test("a revision is 201 with the revision, the counts and every annotation; a stale base is 409 naming the current one; the same text is 422", async () => {
    const editor = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
    await signInViaApi(editor, demoAccount("EDITOR").email, demoAccount("EDITOR").password);
    const article = await (
      await editor.post("/api/v1/articles", {
        data: { title: "Revision contract", text: "The mayor said crime fell by half. The chief disagreed." },
      })
    ).json();
    const claim = await (
      await editor.post(`/api/v1/articles/${article.id}/annotations`, { data: { kind: "CLAIM", start: 15, end: 33 } })
    ).json();
    const text = "The mayor said crime fell by a third. The chief disagreed.";
    const created = await editor.post(`/api/v1/articles/${article.id}/revisions`, {
      data: { text, note: "figure corrected", baseRevisionId: article.revision.id },
    });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body.revision).toMatchObject({ number: 2, text, note: "figure corrected", blocks: expect.any(Array) });
    expect(body.reanchoring).toEqual({ anchored: 0, changed: 1, orphaned: 0 });
    expect(body.annotations).toEqual([
      expect.objectContaining({
        id: claim.id,
        revisionId: body.revision.id,
        anchor: { status: "CHANGED", score: expect.any(Number) },
        previousQuote: "crime fell by half",
      }),
    ]);

    const stale = await editor.post(`/api/v1/articles/${article.id}/revisions`, {
      data: { text: `${text} More.`, baseRevisionId: article.revision.id },
    });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toMatchObject({
      code: "CONFLICT",
      current: { id: body.revision.id, number: 2 },
    });
    const same = await editor.post(`/api/v1/articles/${article.id}/revisions`, { data: { text } });
    expect(same.status()).toBe(422);
    expect((await same.json()).error.fields.map((field: { path: string }) => field.path)).toEqual(["text"]);

    const diff = await editor.get(`/api/v1/articles/${article.id}/revisions/diff?from=1&to=2`);
    expect(diff.status()).toBe(200);
    expect((await diff.json()).ops).toContainEqual({ op: "insert", text: expect.stringContaining("third") });
    const missing = await editor.get(`/api/v1/articles/${article.id}/revisions/diff?from=1&to=9`);
    expect(missing.status()).toBe(422);
    expect((await missing.json()).error.fields.map((field: { path: string }) => field.path)).toEqual(["to"]);
    await editor.dispose();
  });

  test("the batch routes answer per annotation: submit-drafts all or nothing, reviews partial; a bad decision is 422 naming it", async () => {
    const editor = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
    const reviewer = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
    await signInViaApi(editor, demoAccount("EDITOR").email, demoAccount("EDITOR").password);
    await signInViaApi(reviewer, demoAccount("REVIEWER").email, demoAccount("REVIEWER").password);
    const article = await (
      await editor.post("/api/v1/articles", { data: { title: "Batch contract", text: "One two three." } })
    ).json();
    const ids: string[] = [];
    for (const [start, end] of [
      [0, 3],
      [4, 7],
      [8, 13],
    ])
      ids.push(
        (
          await (
            await editor.post(`/api/v1/articles/${article.id}/annotations`, { data: { kind: "CLAIM", start, end } })
          ).json()
        ).id,
      );

    const refused = await editor.post(`/api/v1/articles/${article.id}/submit-drafts`, {
      data: { ids: [ids[0], "not-on-this-article"] },
    });
    expect(refused.status()).toBe(404);
    expect((await refused.json()).error.results).toEqual([
      { id: ids[0], ok: false },
      { id: "not-on-this-article", ok: false, error: { code: "NOT_FOUND", message: expect.any(String) } },
    ]);
    const submitted = await editor.post(`/api/v1/articles/${article.id}/submit-drafts`, { data: {} });
    expect(submitted.status()).toBe(200);
    expect(await submitted.json()).toEqual({
      results: ids.map((id) => ({ id, ok: true, status: "SUBMITTED" })),
      remaining: 0,
    });

    const noNote = await reviewer.post("/api/v1/reviews", {
      data: { decisions: [{ annotationId: ids[0], decision: "REQUEST_CHANGES" }] },
    });
    expect(noNote.status()).toBe(422);
    expect((await noNote.json()).error.fields.map((field: { path: string }) => field.path)).toEqual([
      "decisions.0.note",
    ]);
    const reviewed = await reviewer.post("/api/v1/reviews", {
      data: {
        decisions: [
          { annotationId: ids[0], decision: "APPROVE" },
          { annotationId: ids[0], decision: "APPROVE" },
        ],
      },
    });
    expect(reviewed.status()).toBe(200);
    expect((await reviewed.json()).results).toEqual([
      { id: ids[0], ok: true, status: "APPROVED" },
      { id: ids[0], ok: false, error: { code: "CONFLICT", message: expect.any(String) } },
    ]);
    await editor.dispose();
    await reviewer.dispose();
  });
});
