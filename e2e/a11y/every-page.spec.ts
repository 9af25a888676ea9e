import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoAccount, signInViaApi } from "../support/accounts";
import { createArticle, createClaim, origin, type Annotation, type Article } from "../support/workbench";

/**
 * Every page, as each role and signed out, at a desktop width and a phone's (375 px; see ROLES_AT): axe-core finds
 * no violation (any rule, any impact), and nothing is wider than the screen (no horizontal scroll).
 * What is clean today stays clean: a new page belongs in PAGES.
 */
const WIDTHS = [1440, 375] as const;
/**
 * Every role at the desktop width; at the phone's, the admin only: an admin may do all an editor and a reviewer may
 * (lib/domain/permissions.ts) and did not write the fixtures, so its pages carry every control the other two see
 * (edit, approve, sign off) and the admin pages besides. A third of the suite's time went to these walks (CI budget).
 */
const ROLES_AT: Record<(typeof WIDTHS)[number], readonly ("EDITOR" | "REVIEWER" | "ADMIN")[]> = {
  1440: ["EDITOR", "REVIEWER", "ADMIN"],
  375: ["ADMIN"],
};

type Target = { name: string; path: (f: Fixtures) => string; ready: (page: Page) => Promise<void> };
type Fixtures = { article: Article; claim: Annotation; revised: Article; speakerId: string };

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

const PAGES: Target[] = [
  { name: "home", path: () => "/", ready: heading("Factmark") },
  { name: "articles", path: () => "/articles", ready: heading("Articles") },
  { name: "new article", path: () => "/articles/new", ready: heading(/Import/) },
  {
    name: "workbench with a panel open",
    path: (f) => `/articles/${f.article.id}#annotation-${f.claim.id}`,
    ready: async (page) => {
      await expect(page.getByRole("complementary", { name: "Annotation details" })).toBeVisible();
      await expect(page.getByTestId("annotation-status")).toBeVisible();
    },
  },
  {
    name: "workbench after a revision (banner, changed cue, needs-placement tray)",
    path: (f) => `/articles/${f.revised.id}`,
    ready: async (page) => {
      await expect(page.getByTestId("revision-banner")).toContainText("Revision 2 of 2");
      await expect(page.getByTestId("needs-placement")).toBeVisible();
    },
  },
  {
    name: "revisions and diff",
    path: (f) => `/articles/${f.revised.id}/revisions`,
    ready: async (page) => {
      await heading("Revisions")(page);
      await expect(page.getByTestId("revision-diff")).toBeVisible();
    },
  },
  { name: "audit log", path: (f) => `/articles/${f.article.id}/audit`, ready: heading(/Audit/) },
  { name: "review queue", path: () => "/review", ready: heading("Review queue") },
  {
    name: "search with results, facets and marked words",
    path: () => "/search?q=United+States",
    ready: async (page) => {
      await heading("Search")(page);
      await expect(page.getByTestId("search-result").first().locator("mark").first()).toBeVisible();
    },
  },
  { name: "speakers", path: () => "/speakers", ready: heading("Speakers") },
  {
    name: "speaker page with charts",
    path: (f) => `/speakers/${f.speakerId}`,
    ready: heading("Accessibility Speaker"),
  },
  { name: "account", path: () => "/account", ready: heading("Your account") },
  { name: "admin users", path: () => "/admin/users", ready: async (page) => expect(page.locator("h1")).toBeVisible() },
  { name: "404", path: () => "/no-such-page", ready: async (page) => expect(page.locator("h1")).toBeVisible() },
];

const SIGNED_OUT: Target[] = [
  { name: "home", path: () => "/", ready: heading("Factmark") },
  {
    name: "sign in",
    path: () => "/signin",
    ready: async (page) => expect(page.getByRole("button", { name: /Sign in/ })).toBeVisible(),
  },
  { name: "404", path: () => "/no-such-page", ready: async (page) => expect(page.locator("h1")).toBeVisible() },
];

async function check(page: Page, target: Target, fixtures: Fixtures | null, width: number) {
  await page.goto(target.path(fixtures!));
  await target.ready(page);
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(violations, `axe on ${target.name} at ${width} px`).toEqual([]);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, `${target.name} at ${width} px is ${widths.scroll} px wide`).toBeLessThanOrEqual(widths.inner);
}

let fixtures: Fixtures;

/** An article with a second revision that changed one claim's words and deleted another's paragraph (an orphan). */
async function revisedArticle(api: APIRequestContext): Promise<Article> {
  const article = await createArticle(api, "Accessibility scan, revised");
  const text = article.revision.text;
  const paragraphs = text.split("\n\n").filter((paragraph) => paragraph.trim().length > 80);
  const [changedParagraph, deletedParagraph] = [paragraphs[1], paragraphs[3]];
  const changedQuote = changedParagraph.slice(0, 60).trim();
  await createClaim(api, article, changedQuote);
  await createClaim(api, article, deletedParagraph.trim());
  const changedText = changedQuote.replace(/\s(\S+)$/, " changed");
  const next = text.replace(changedQuote, changedText).replace(`${deletedParagraph}\n\n`, "");
  const response = await api.post(`/api/v1/articles/${article.id}/revisions`, {
    data: { text: next, note: "Correction", baseRevisionId: article.revision.id },
    headers: origin,
  });
  expect(response.status(), await response.text()).toBe(201);
  return article;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const editor = demoAccount("EDITOR");
  const api = await playwright.request.newContext({ baseURL });
  try {
    await signInViaApi(api, editor.email, editor.password);
    const article = await createArticle(api, "Accessibility scan");
    const claim = await createClaim(api, article, article.revision.text.slice(0, 40).trim(), {
      speaker: "Accessibility Speaker",
      verdict: "FALSE",
    });
    const speakers = await (await api.get("/api/v1/speakers?q=Accessibility%20Speaker")).json();
    const sourced = await api.post(`/api/v1/annotations/${claim.id}/sources`, {
      data: { url: "https://example.org/report", title: "The report", version: claim.version },
      headers: origin,
    });
    expect(sourced.status()).toBe(201);
    fixtures = { article, claim, revised: await revisedArticle(api), speakerId: speakers.items[0].id };
  } finally {
    await api.dispose();
  }
});

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 375 ? 812 : 900 } });

    for (const role of ROLES_AT[width]) {
      test(`every page as ${role.toLowerCase()}: no axe violation, no horizontal scroll`, async ({ page }) => {
        test.setTimeout(120_000);
        const account = demoAccount(role);
        await signInViaApi(page.request, account.email, account.password);
        for (const target of PAGES) await check(page, target, fixtures, width);
      });
    }

    test("every page signed out: no axe violation, no horizontal scroll", async ({ page }) => {
      for (const target of SIGNED_OUT) await check(page, target, null, width);
    });
  });
}
