import { expect, test } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import { createArticle, createClaim, origin, panelOf, signedIn } from "../support/workbench";

/**
 * Decision 028: the page carries each annotation's summary; its note, sources and last review are read when it
 * is opened. The panel shows at once; the form waits for the details (nothing half-loaded can be saved); a failed
 * read says so with a retry; a change someone else made to one not opened yet shows when it is opened.
 */

const FIRST = "Russia has asked China for weapons to bolster its faltering invasion of Ukraine";
const SECOND = "according to translations from reporters in the room";
const NOTE = "Only in the details: the ministry's transcript, page 4.";
const SOURCE = "https://example.org/transcript-details";
const THEIR_NOTE = "Changed by the reviewer before anyone here opened it.";

const editor = demoAccount("EDITOR");
const reviewer = demoAccount("REVIEWER");

test("an annotation's note and sources arrive when it is opened; the form waits for them; a failed read retries", async ({
  browser,
}) => {
  const page = await signedIn(browser, editor);
  const article = await createArticle(page.request, `Details on open ${Date.now().toString(36)}`);
  await createClaim(page.request, article, FIRST, { note: NOTE, sources: [{ url: SOURCE, title: "Transcript" }] });
  const second = await createClaim(page.request, article, SECOND, { note: "second" });

  // Every read of an annotation's details waits until the test lets it through (the neighbours' prefetch too),
  // and those of `failing` fail.
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const failing = new Set([second.id]);
  await page.route(/\/api\/v1\/annotations\/[^/?]+$/, async (route) => {
    if (route.request().method() !== "GET") return route.continue();
    await gate;
    const id = new URL(route.request().url()).pathname.split("/").at(-1)!;
    return failing.has(id) ? route.abort() : route.continue();
  });

  const response = await page.goto(`/articles/${article.id}`);
  // The page itself carries the summaries only: the note and the source are not in it.
  const html = (await response?.text()) ?? "";
  expect(html).toContain(article.title);
  expect(html).not.toContain(NOTE);
  expect(html).not.toContain(SOURCE);
  await expect(page.getByTestId("live-connection")).toHaveText("Live");

  await page.keyboard.press("j");
  const panel = panelOf(page);
  const note = panel.getByLabel("Note for the team (never published)");
  // At once, from the summary: heading, status and quote; the form and the sources wait, so nothing can be saved.
  await expect(panel.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await expect(panel.getByTestId("annotation-quote")).toHaveText(FIRST);
  await expect(panel.getByTestId("annotation-status")).toContainText("Draft");
  await expect(panel.getByTestId("annotation-details-loading")).toBeVisible();
  await expect(note).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Save" })).toHaveCount(0);

  release();
  await expect(note).toHaveValue(NOTE);
  await expect(panel.locator(`a[href="${SOURCE}"]`)).toContainText("Transcript");
  await expect(panel.getByTestId("annotation-details-loading")).toHaveCount(0);

  // A read that fails says so, with a retry that reads again.
  await page.keyboard.press("j");
  await expect(panel.getByRole("heading", { level: 2, name: "C2 Claim" })).toBeVisible();
  const failed = panel.getByTestId("annotation-details-failed");
  await expect(failed).toContainText("Could not load");
  await expect(note).toHaveCount(0);
  failing.clear();
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(note).toHaveValue("second");
  await page.context().close();
});

test("a change someone else made to an annotation not opened yet shows when it is opened", async ({ browser }) => {
  const page = await signedIn(browser, editor);
  const other = await signedIn(browser, reviewer);
  const article = await createArticle(page.request, `Details changed ${Date.now().toString(36)}`);
  await createClaim(page.request, article, FIRST, { note: "first" });
  const second = await createClaim(page.request, article, SECOND, { note: "before" });

  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId("live-connection")).toHaveText("Live");
  const changed = await other.request.patch(`/api/v1/annotations/${second.id}`, {
    data: { version: second.version, note: THEIR_NOTE },
    headers: origin,
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "updated claim C2" })).toBeVisible();

  await page.keyboard.press("k");
  const panel = panelOf(page);
  await expect(panel.getByRole("heading", { level: 2, name: "C2 Claim" })).toBeVisible();
  await expect(panel.getByLabel("Note for the team (never published)")).toHaveValue(THEIR_NOTE);
  await expect(panel.getByText("version 2")).toBeVisible();
  await other.context().close();
  await page.context().close();
});
