import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demoAccount, type DemoAccount } from "../support/accounts";
import { clickHighlight, createArticle, createClaim, origin, selectQuote, signedIn } from "../support/workbench";

/** The CSP as a map of directive → sources. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

/** Decision 014's header set, on any response: pages, API routes, downloads, errors. */
function expectSecurityHeaders(headers: Record<string, string>, what: string, kind: "page" | "other" = "other") {
  const csp = headers["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const policy = directives(csp);
  const scripts = policy.get("script-src") ?? policy.get("default-src") ?? [];
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-eval'");
  if (kind === "page")
    expect(
      scripts.some((source) => /^'nonce-[A-Za-z0-9+/=]{20,}'$/.test(source)),
      `${what}: script nonce in ${csp}`,
    ).toBe(true);
  expect(policy.get("frame-ancestors"), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(headers["cross-origin-opener-policy"], `${what}: COOP`).toBe("same-origin");
  expect(headers["cross-origin-resource-policy"], `${what}: CORP`).toBe("same-origin");
  expect(headers["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], `${what}: X-Frame-Options`).toBe("DENY");
  // This server's public address is http: no HSTS (the unit tests cover https).
  expect(headers["strict-transport-security"], `${what}: HSTS over http`).toBeUndefined();
}

/**
 * Collects every CSP violation in the page, from the browser's event (set up
 * before any page script runs, so blocked inline scripts are caught while the
 * HTML parses) and from the console, where Chromium also reports them.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cspViolation", (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __cspViolation: (violation: string) => void }).__cspViolation;
      report(
        `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`console on ${page.url()}: ${message.text()}`);
  });
  return violations;
}

/** Opens a page, checks its headers, and lets its scripts run. */
async function visit(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  expect(response!.status(), path).toBe(status);
  expectSecurityHeaders(await response!.allHeaders(), path, "page");
  await page.waitForLoadState("load");
}

async function as(browser: Browser, role: DemoAccount["role"]): Promise<{ page: Page; violations: string[] }> {
  const page = await signedIn(browser, demoAccount(role));
  return { page, violations: await watchCsp(page) };
}

const CLAIM =
  "His Foreign Ministry spokesman, Zhao Lijian, said the United States was spreading “malicious disinformation”";
const OTHER = "China on Monday reacted angrily to multiple media reports citing US officials.";

test("every page runs under the strict CSP without a single violation, for every role", async ({ browser }) => {
  test.setTimeout(90_000);
  // Signed out: the sign-in page, used for real (its script posts the form), then a 404 and a badly encoded address.
  const anonymous = await browser.newPage({ baseURL });
  const anonymousViolations = await watchCsp(anonymous);
  await visit(anonymous, "/signin");
  const editorAccount = demoAccount("EDITOR");
  await anonymous.getByLabel("Email").fill(editorAccount.email);
  await anonymous.getByLabel("Password").fill(editorAccount.password);
  await anonymous.getByRole("button", { name: "Sign in" }).click();
  await expect(anonymous).toHaveURL(`${baseURL}/`);
  await anonymous.waitForLoadState("load");
  await anonymous.context().clearCookies();
  await visit(anonymous, "/no-such-page", 404);
  await visit(anonymous, "/articles/%ED%A0%80", 400);
  await expect(anonymous.getByRole("heading", { name: "Bad address" })).toBeVisible();
  expect(anonymousViolations).toEqual([]);

  // Editor: the lists, the import form, the workbench worked by mouse and keyboard, its audit page, the account page.
  const editor = await as(browser, "EDITOR");
  const article = await createArticle(editor.page.request, `CSP walk ${Date.now().toString(36)}`);
  const claim = await createClaim(editor.page.request, article, CLAIM);
  for (const path of ["/", "/articles", "/articles/new", "/speakers", "/account", "/no-such-page"])
    await visit(editor.page, path, path === "/no-such-page" ? 404 : 200);
  await visit(editor.page, `/articles/${article.id}`);
  // Hydrated, and the highlights drawn (a deferred render that replaces the paragraph's text a selection sits in).
  await expect(editor.page.getByTestId("live-connection")).toHaveText("Live");
  await selectQuote(editor.page, OTHER);
  await expect(editor.page.getByRole("toolbar", { name: "Tag the selected text" })).toBeVisible();
  await editor.page.keyboard.press("a");
  await expect(editor.page.getByRole("status")).toHaveText("Analysis added");
  await editor.page.keyboard.press("Escape");
  await clickHighlight(editor.page, claim.id);
  const panel = editor.page.getByRole("complementary", { name: "Annotation details" });
  await expect(panel.getByLabel("Speaker")).toBeVisible();
  await editor.page.getByText("Export", { exact: true }).click();
  await expect(editor.page.getByRole("link", { name: "Annotated HTML" })).toBeVisible();
  await visit(editor.page, `/articles/${article.id}/audit`);
  expect(editor.violations).toEqual([]);

  // Reviewer: the queue and a workbench with review actions; admin: user administration.
  const submitted = await editor.page.request.post(`/api/v1/annotations/${claim.id}/submit`, {
    data: {},
    headers: origin,
  });
  expect(submitted.status()).toBe(200);
  const reviewer = await as(browser, "REVIEWER");
  await visit(reviewer.page, "/review");
  await visit(reviewer.page, `/articles/${article.id}#annotation-${claim.id}`);
  await expect(reviewer.page.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
  expect(reviewer.violations).toEqual([]);
  const admin = await as(browser, "ADMIN");
  await visit(admin.page, "/admin/users");
  // A speaker page with its charts and the admin's merge form (a client component).
  const speakers = await (await admin.page.request.get("/api/v1/speakers?pageSize=1")).json();
  await visit(admin.page, `/speakers/${speakers.items[0].id}`);
  await visit(admin.page, "/account");
  expect(admin.violations).toEqual([]);
});

test("the walk would catch an inline script in a page", async ({ page }) => {
  const violations = await watchCsp(page);
  // The sign-in page as served, plus what an injection would add: a parser-inserted inline script without the nonce.
  await page.route("**/signin", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.__ran = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  await visit(page, "/signin");
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join("\n")).toContain("script-src");
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});

async function check(
  request: APIRequestContext,
  path: string,
  status: number,
  init: { method?: "GET" | "POST"; data?: unknown } = {},
) {
  const response =
    init.method === "POST" ? await request.post(path, { data: init.data, headers: origin }) : await request.get(path);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
  expectSecurityHeaders(response.headers(), `${init.method ?? "GET"} ${path} (${status})`);
  return response;
}

test("API routes, downloads, event streams and error responses carry the same header set", async ({
  browser,
  request,
}) => {
  // Signed out.
  await check(request, "/api/health", 200);
  await check(request, "/api/v1/me", 401);
  const badApi = await check(request, "/api/v1/articles/%ED%A0%80", 400);
  expect(await badApi.json()).toMatchObject({ error: { code: "INVALID", fields: [{ path: "path" }] } });
  expect((await request.get("/articles/%ED%A0%80")).headers()["content-security-policy"]).toMatch(/'nonce-/);

  // Signed in.
  const page = await signedIn(browser, demoAccount("EDITOR"));
  const api = page.request;
  await check(api, "/api/v1/me", 200);
  await check(api, "/api/v1/articles/no-such-article", 404);
  await check(api, "/api/v1/articles?page=0", 422);
  await check(api, "/api/v1/articles", 422, { method: "POST", data: { title: "" } });
  // An address no API route answers gets the API's JSON 404, not Next's HTML page.
  expect(await (await check(api, "/api/v1/no-such-route", 404)).json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  const article = await createArticle(api, `Headers ${Date.now().toString(36)}`);
  // The export download keeps the policy its file carries: nothing loads, nothing runs.
  const exported = await check(api, `/api/v1/articles/${article.id}/export?format=html`, 200);
  expect(exported.headers()["content-security-policy"]).toBe(
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  // The event stream still streams under the proxy: its headers, then its first event.
  await page.goto("/account");
  const stream = await page.evaluate(async (url) => {
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      csp: response.headers.get("content-security-policy"),
      coop: response.headers.get("cross-origin-opener-policy"),
      first,
    };
  }, `/api/v1/articles/${article.id}/events`);
  expect(stream).toMatchObject({
    status: 200,
    type: expect.stringContaining("text/event-stream"),
    csp: expect.stringContaining("frame-ancestors 'none'"),
    coop: "same-origin",
  });
  expect(stream.first.length).toBeGreaterThan(0);
});
