import { expect, test, type Page } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import {
  createArticle,
  createClaim,
  origin,
  panelOf,
  signedIn,
  stored,
  type Annotation,
  type Article,
} from "../support/workbench";

/**
 * #13: the review loop in batches (two clicks per role for ten annotations),
 * approve and next, each role told its next step, the navigation's live count,
 * c/d/a on a signed-off article, and keyboard focus after Save and Esc.
 */

const editor = demoAccount("EDITOR");
const reviewer = demoAccount("REVIEWER");

test.use({ viewport: { width: 1366, height: 900 } });

const WORDS = [
  "United States",
  "persuade China",
  "high-level meeting",
  "White House",
  "global balance",
  "Jake Sullivan",
  "Yang Jiechi",
  "Italian capital",
  "faltering invasion",
  "angrily",
];

/** Ten claims by the signed-in user of `page`, on ten separate phrases, in reading order. */
async function tenClaims(page: Page, article: Article): Promise<Annotation[]> {
  const claims: Annotation[] = [];
  for (const quote of WORDS) claims.push(await createClaim(page.request, article, quote));
  return claims;
}

/** Counts the page's requests that change something, by path. */
function changes(page: Page) {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() !== "GET" && request.url().includes("/api/v1/"))
      sent.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return sent;
}

const activeElement = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName,
    text: document.activeElement?.textContent?.trim(),
    label: document.activeElement?.getAttribute("aria-label"),
  }));

test("ten annotations: the editor submits them with one click, the reviewer approves them with two", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Batch loop ${Date.now().toString(36)}`);
  await tenClaims(a, article);

  await a.goto(`/articles/${article.id}`);
  const sentA = changes(a);
  await a.getByRole("button", { name: "Submit all my drafts (10)" }).click();
  await expect(a.getByRole("status")).toHaveText("10 annotations submitted for review");
  await expect(a.getByTestId("article-status")).toHaveText("Article status: In review");
  await expect(a.getByTestId("article-status")).toBeFocused();
  await expect(a.getByRole("button", { name: /Submit all my drafts/ })).toHaveCount(0);
  expect(sentA).toEqual([`POST /api/v1/articles/${article.id}/submit-drafts`]);

  await b.goto(`/articles/${article.id}`);
  const sentB = changes(b);
  await b.getByRole("button", { name: "Approve all waiting for you (10)" }).click();
  const confirm = b.getByRole("button", { name: "Approve 10" });
  await expect(confirm).toBeFocused();
  await confirm.click();
  await expect(b.getByRole("status")).toHaveText("10 annotations approved");
  await expect(b.locator(".wb-progress")).toContainText("10 of 10 annotations approved");
  await expect(b.getByRole("button", { name: "Sign off article" })).toBeFocused();
  expect(sentB).toEqual(["POST /api/v1/reviews"]);
  expect((await stored(b.request, article.id)).annotations.map((annotation) => annotation.status)).toEqual(
    Array(10).fill("APPROVED"),
  );
});

test("approve and next moves through the article; after changes are requested each role reads its own next step", async ({
  browser,
}) => {
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Approve and next ${Date.now().toString(36)}`);
  const [first, second, third] = (await tenClaims(a, article)).slice(0, 3);
  for (const claim of [first, second, third])
    expect(
      (await a.request.post(`/api/v1/annotations/${claim.id}/submit`, { data: {}, headers: origin })).status(),
    ).toBe(200);

  await b.goto(`/articles/${article.id}#annotation-${first.id}`);
  const panelB = panelOf(b);
  await expect(panelB.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await panelB.getByRole("button", { name: "Approve and next" }).click();
  await expect(panelB.getByRole("heading", { level: 2, name: "C2 Claim" })).toBeFocused();
  await expect(b.getByRole("status")).toHaveText("Approved. Next: C2 claim");

  // C2 goes back with a note: the reviewer is told that the next move is the author's, and is offered no Submit.
  await panelB.getByRole("button", { name: "Request changes" }).click();
  await panelB.getByRole("textbox", { name: "What needs to change?" }).fill("Name the source.");
  await panelB.getByRole("button", { name: "Send back with this note" }).click();
  await expect(b.getByRole("status")).toHaveText("Changes requested");
  await expect(panelB.getByTestId("next-step")).toHaveText(
    `You sent it back to ${editor.name}. Nothing to do now: they make the changes and submit it again, and it then returns to the review queue.`,
  );
  await expect(panelB.getByRole("button", { name: "Submit for review" })).toHaveCount(0);

  // Past the last one here, Approve and next goes on through the queue: the oldest waiting, on another article, opened at the annotation.
  const elsewhere = await createArticle(a.request, `Next in the queue ${Date.now().toString(36)}`);
  const waiting = await createClaim(a.request, elsewhere, "Yang Jiechi");
  expect(
    (await a.request.post(`/api/v1/annotations/${waiting.id}/submit`, { data: {}, headers: origin })).status(),
  ).toBe(200);
  await panelB.getByRole("button", { name: "Close panel" }).click();
  await b.evaluate((id) => (window.location.hash = `annotation-${id}`), third.id);
  await expect(panelB.getByRole("heading", { level: 2, name: "C3 Claim" })).toBeVisible();
  await panelB.getByRole("button", { name: "Approve and next" }).click();
  await expect(b).toHaveURL(/\/articles\/[^/]+#annotation-/);
  await expect(b).not.toHaveURL(new RegExp(`/articles/${article.id}`));
  await expect(panelB.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
  expect(
    (await stored(b.request, article.id)).annotations.find((annotation) => annotation.id === third.id)?.status,
  ).toBe("APPROVED");

  // The author is told what to do, and has the Submit button.
  await a.goto(`/articles/${article.id}#annotation-${second.id}`);
  const panelA = panelOf(a);
  await expect(panelA.getByTestId("next-step")).toHaveText("Make the changes, save, then submit it again.");
  await expect(panelA.getByRole("button", { name: "Submit for review" })).toBeVisible();
});

test("the navigation's review count changes without a reload when someone else submits", async ({ browser }) => {
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Live count ${Date.now().toString(36)}`);
  const claim = await createClaim(a.request, article, "Yang Jiechi");
  await b.goto("/articles");
  const count = b.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Review queue/ });
  const before = Number((await count.textContent())?.replace(/\D/g, "") || "0");
  expect((await a.request.post(`/api/v1/annotations/${claim.id}/submit`, { data: {}, headers: origin })).status()).toBe(
    200,
  );
  // No reload, no focus change: the page's own check (every 10 s) finds it.
  await expect(count.getByTestId("review-count")).toHaveText(String(before + 1), { timeout: 15_000 });
});

test("c on a signed-off article says why nothing happened; focus stays on Save, and Esc returns it to the button that opened a source form", async ({
  browser,
}) => {
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Focus ${Date.now().toString(36)}`);
  // Rated, so the sign-off below is not refused for an unrated claim.
  const claim = await createClaim(a.request, article, "Jake Sullivan", { verdict: "FALSE" });

  await a.goto(`/articles/${article.id}#annotation-${claim.id}`);
  const panel = panelOf(a);
  await panel.getByLabel("Speaker").fill("A. Writer");
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByRole("status")).toHaveText("Saved");
  expect(await activeElement(a)).toMatchObject({ tag: "BUTTON", text: "Save" });

  await panel.getByRole("button", { name: "+ Add a source" }).click();
  await expect(panel.getByLabel("URL", { exact: true })).toBeFocused();
  await a.keyboard.press("Escape");
  expect(await activeElement(a)).toMatchObject({ tag: "BUTTON", text: "+ Add a source" });
  // The panel is still open: Esc closed the form only.
  await expect(panel.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();

  await panel.getByRole("button", { name: "+ Add a source" }).click();
  await panel.getByLabel("URL", { exact: true }).fill("https://example.org/briefing");
  await panel.getByRole("button", { name: "Add source", exact: true }).click();
  await expect(a.getByRole("status")).toHaveText("Source added");
  await panel.getByRole("button", { name: "Done" }).click();
  expect(await activeElement(a)).toMatchObject({ tag: "BUTTON", text: "+ Add a source" });
  await panel.getByRole("button", { name: "Edit source 1" }).click();
  await a.keyboard.press("Escape");
  expect(await activeElement(a)).toMatchObject({ tag: "BUTTON", label: "Edit source 1" });

  // Signed off (through the API), c on a selection announces why nothing is added, and who can change that.
  const current = (await stored(a.request, article.id)).annotations[0];
  expect(
    (
      await a.request.post(`/api/v1/annotations/${claim.id}/submit`, {
        data: { version: current.version },
        headers: origin,
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await b.request.post(`/api/v1/annotations/${claim.id}/review`, { data: { decision: "APPROVE" }, headers: origin })
    ).status(),
  ).toBe(200);
  expect(
    (await b.request.post(`/api/v1/articles/${article.id}/sign-off`, { data: {}, headers: origin })).status(),
  ).toBe(200);
  await a.goto(`/articles/${article.id}`);
  await expect(a.getByTestId("signed-off-banner")).toBeVisible();
  // "Live" comes from the page's own script: the key handler is attached (a key pressed before is lost).
  await expect(a.getByTestId("live-connection")).toHaveText("Live");
  const sent = changes(a);
  await a.locator(".wb-text").focus();
  await a.keyboard.press("c");
  await expect(a.getByRole("status")).toHaveText(
    "This article is signed off: reopen it to change it. A reviewer or an admin can reopen it.",
  );
  expect(sent).toEqual([]);
  await b.goto(`/articles/${article.id}`);
  await expect(b.getByTestId("live-connection")).toHaveText("Live");
  await b.keyboard.press("d");
  await expect(b.getByRole("status")).toHaveText(
    "This article is signed off: reopen it to change it. You can reopen it with Reopen article, above.",
  );
});
