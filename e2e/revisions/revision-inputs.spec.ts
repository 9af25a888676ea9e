import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { NEWS_PAGE, NEWS_PAGE_TEXT } from "../../lib/import/fixtures/news-page";
import { demoAccount } from "../support/accounts";
import {
  createArticle,
  createClaim,
  highlightTextOf,
  isDrawnAs,
  origin,
  seed,
  signedIn,
  type Annotation,
  type Article,
} from "../support/workbench";

/**
 * The New revision dialog's other ways in and refusals: a stale base revision (409) reloaded without losing the
 * pasted text, Fetch again through the guarded fetcher (and the 422 of an unchanged page), and who may revise a
 * signed-off article (reviewers, which reopens it).
 */

const KEPT = "Jake Sullivan, the US national security adviser";
const ADDED = "Correction: the White House wants to stop the war from splitting the world into two blocs.";
const editor = demoAccount("EDITOR");
const reviewer = demoAccount("REVIEWER");

test("a stale base revision: the dialog says someone added one meanwhile and reloads, keeping the text", async ({
  browser,
}) => {
  const a = await signedIn(browser, editor);
  const article = await createArticle(a.request, `Revisions conflict ${Date.now().toString(36)}`);
  // No live stream on this page: it cannot learn of the other revision before sending its own (a real race, made certain).
  await a.route("**/events*", (route) => route.abort());
  await a.goto(`/articles/${article.id}`);
  // Hydrated (the stream's failure is shown) before the first click.
  await expect(a.getByTestId("live-connection")).toHaveText("Reconnecting…");
  await a.getByRole("button", { name: "New revision" }).click();
  const dialog = a.getByRole("dialog", { name: "New revision" });
  const mine = `${seed}\n\nMine.\n`;
  await dialog.getByLabel("Text", { exact: true }).fill(mine);
  // Closing the dialog (Escape) keeps what was pasted.
  await a.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await a.getByRole("button", { name: "New revision" }).click();
  await expect(dialog.getByLabel("Text", { exact: true })).toHaveValue(mine);
  const other = await a.request.post(`/api/v1/articles/${article.id}/revisions`, {
    data: { text: `${seed}\n\nTheirs.\n`, baseRevisionId: article.revision.id },
    headers: origin,
  });
  expect(other.status(), await other.text()).toBe(201);

  await dialog.getByRole("button", { name: "Add revision" }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("Someone added revision 2 meanwhile");
  await alert.getByRole("button", { name: "Reload the article" }).click();
  await expect(a.getByTestId("revision-banner")).toContainText("Revision 2 of 2");
  await expect(alert).toBeHidden();
  await expect(dialog.getByLabel("Text", { exact: true })).toHaveValue(mine);
  await dialog.getByRole("button", { name: "Add revision" }).click();
  await expect(dialog).toBeHidden();
  await expect(a.getByTestId("revision-banner")).toContainText("Revision 3 of 3");
});

test("a signed-off article: editors cannot add a revision, a reviewer can, is told it reopens the article, and it does", async ({
  browser,
}) => {
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Revisions signed off ${Date.now().toString(36)}`);
  const claim = await createClaim(a.request, article, KEPT, { verdict: "TRUE" });
  const submit = await a.request.post(`/api/v1/annotations/${claim.id}/submit`, {
    data: { version: claim.version },
    headers: origin,
  });
  expect(submit.status(), await submit.text()).toBe(200);
  const approve = await b.request.post(`/api/v1/annotations/${claim.id}/review`, {
    data: { decision: "APPROVE", version: ((await submit.json()) as Annotation).version },
    headers: origin,
  });
  expect(approve.status(), await approve.text()).toBe(200);
  const signOff = await b.request.post(`/api/v1/articles/${article.id}/sign-off`, { data: {}, headers: origin });
  expect(signOff.status(), await signOff.text()).toBe(200);

  await a.goto(`/articles/${article.id}`);
  await expect(a.getByTestId("live-connection")).toHaveText("Live");
  await expect(a.getByTestId("article-status")).toHaveText("Article status: Signed off");
  await expect(a.getByRole("button", { name: "New revision" })).toHaveCount(0);

  await b.goto(`/articles/${article.id}`);
  await expect(b.getByTestId("live-connection")).toHaveText("Live");
  await b.getByRole("button", { name: "New revision" }).click();
  const dialog = b.getByRole("dialog", { name: "New revision" });
  await expect(dialog).toContainText("Adding a revision reopens it");
  await dialog.getByLabel("Text", { exact: true }).fill(`${seed}\n\n${ADDED}\n`);
  await dialog.getByRole("button", { name: "Add revision" }).click();
  await expect(dialog).toBeHidden();
  await expect(b.getByTestId("article-status")).toHaveText("Article status: Reopened");
  await expect(b.getByTestId("revision-banner")).toContainText("Revision 2 of 2");
  // The editor's open page follows: the article is open to changes again, and they may now revise it too.
  await expect(a.getByTestId("article-status")).toHaveText("Article status: Reopened", { timeout: 5_000 });
  await expect(a.getByTestId("revision-banner")).toContainText("Revision 2 of 2");
  await expect(a.getByRole("button", { name: "New revision" })).toBeVisible();
});

test("Fetch again: the source page, changed since the import, comes in through the guarded fetcher as the new revision", async ({
  browser,
}) => {
  // The news site, served from this machine: the survey's cost was corrected after the import.
  let page = NEWS_PAGE;
  const site = http.createServer((request, response) => {
    if (request.url === "/news/harbour-toll")
      return response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
    response.writeHead(404, { "Content-Type": "text/html" }).end("<p>Gone</p>");
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const source = `http://127.0.0.1:${(site.address() as AddressInfo).port}/news/harbour-toll`;
  try {
    const a = await signedIn(browser, editor);
    // Imported as the import form does it: fetched, then sent as HTML.
    const fetched = await a.request.post("/api/v1/articles/fetch", { data: { url: source }, headers: origin });
    expect(fetched.status(), await fetched.text()).toBe(200);
    const { html } = (await fetched.json()) as { html: string };
    const created = await a.request.post("/api/v1/articles", {
      data: { title: NEWS_PAGE_TEXT.headline, html, sourceUrl: source },
      headers: origin,
    });
    expect(created.status(), await created.text()).toBe(201);
    const article = (await created.json()) as Article;
    const claim = await createClaim(a.request, article, "costing £18,000");
    page = NEWS_PAGE.replace("£18,000", "£81,000");

    await a.goto(`/articles/${article.id}`);
    await expect(a.getByTestId("live-connection")).toHaveText("Live");
    await a.getByRole("button", { name: "New revision" }).click();
    const dialog = a.getByRole("dialog", { name: "New revision" });
    await dialog.getByRole("button", { name: "Fetch again from the source" }).click();
    await expect(dialog.getByRole("status")).toContainText("Check the text below, then add it.");
    await expect(dialog.getByLabel("HTML (reduced to text, paragraphs and headings)")).toBeChecked();
    await expect(dialog.getByLabel("HTML", { exact: true })).toHaveValue(/£81,000/);
    await dialog.getByLabel("Note for the history (optional)").fill("Survey cost corrected");
    await dialog.getByRole("button", { name: "Add revision" }).click();
    await expect(a.getByTestId("revision-banner")).toContainText("Revision 2 of 2");
    await expect(a.getByTestId("revision-banner")).toContainText("1 changed");
    await expect.poll(() => highlightTextOf(a, claim.id)).toBe("costing £81,000");
    await expect.poll(() => isDrawnAs(a, claim.id, "wb-changed")).toBe(true);

    // The same page again is no revision: the 422 names the field, next to it.
    await a.getByRole("button", { name: "New revision" }).click();
    await dialog.getByRole("button", { name: "Fetch again from the source" }).click();
    await expect(dialog.getByLabel("HTML", { exact: true })).toHaveValue(/£81,000/);
    await dialog.getByRole("button", { name: "Add revision" }).click();
    await expect(dialog.locator("#revision-body-error")).toContainText("same text as the current revision");
    await expect(dialog.getByLabel("HTML", { exact: true })).toHaveAttribute("aria-invalid", "true");
  } finally {
    site.close();
  }
});
