import { expect, test, type Page } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import {
  createArticle,
  createClaim,
  clickHighlight,
  flashedIds,
  highlightTextOf,
  labelTextOf,
  origin,
  panelOf,
  recordFlashes,
  selectQuote,
  signedIn,
  stored,
  type Annotation,
} from "../support/workbench";

/**
 * Two people on one article at once, each in their own browser context: what
 * one does reaches the other's open page through the live stream, without a
 * reload, and nobody's unsaved typing is ever thrown away.
 */

const FIRST = "Russia has asked China for weapons to bolster its faltering invasion of Ukraine";
const CLAIM =
  "His Foreign Ministry spokesman, Zhao Lijian, said the United States was spreading “malicious disinformation”, with “sinister intentions”, according to translations from reporters in the room.";
const NOTE = "Check the ministry's own transcript before rating this.";
const SPEAKER = "Zhao Lijian, Chinese foreign ministry spokesman";
const REVIEWER_NOTE = "Typed by the reviewer, never saved.";

const editor = demoAccount("EDITOR");
const reviewer = demoAccount("REVIEWER");

test.use({ viewport: { width: 1366, height: 900 } });

const presenceOf = (page: Page) => page.getByTestId("presence");
const shot = (page: Page, name: string) => page.screenshot({ path: `tmp/live-${name}.png` });

/** A mark on the page object survives only as long as the page is not reloaded. */
const markPage = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);

test("two people on one article: presence, live highlights, a conflict resolved without losing text, deletion, leaving", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Live collaboration ${Date.now().toString(36)}`);
  const first = await createClaim(a.request, article, FIRST);

  // Both open the article; each sees the other (and not themself) within a couple of seconds.
  await a.goto(`/articles/${article.id}`);
  await b.goto(`/articles/${article.id}`);
  await markPage(a);
  await markPage(b);
  await expect(a.getByTestId("live-connection")).toHaveText("Live");
  await expect(b.getByTestId("live-connection")).toHaveText("Live");
  await expect(presenceOf(a)).toContainText(reviewer.name, { timeout: 3_000 });
  await expect(presenceOf(b)).toContainText(editor.name, { timeout: 3_000 });
  await expect(presenceOf(a)).not.toContainText(editor.name);
  await expect(presenceOf(b)).not.toContainText(reviewer.name);
  await expect(presenceOf(a).getByText("Also here:")).toBeVisible();

  // The editor opens C1: the reviewer's list says so, and following it opens C1 there too.
  await clickHighlight(a, first.id);
  await expect(panelOf(a).getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  const looking = presenceOf(b).getByRole("button", { name: `${editor.name} is looking at C1: open it` });
  await expect(looking).toHaveText("looking at C1", { timeout: 3_000 });
  await shot(b, "01-reviewer-sees-editor-looking");
  await looking.click();
  await expect(panelOf(b).getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await expect(presenceOf(a).getByRole("button", { name: `${reviewer.name} is looking at C1: open it` })).toBeVisible({
    timeout: 3_000,
  });
  await shot(a, "02-editor-presence");
  await panelOf(b).getByRole("button", { name: "Close panel" }).click();

  // The editor tags a claim (select + c); it appears on the reviewer's page at once, flashing, and is announced.
  await selectQuote(a, CLAIM);
  await recordFlashes(b);
  const createdResponse = a.waitForResponse(
    (response) =>
      response.url().endsWith(`/articles/${article.id}/annotations`) && response.request().method() === "POST",
  );
  await a.keyboard.press("c");
  const claim = (await (await createdResponse).json()) as Annotation;
  await expect(a.getByRole("status")).toHaveText("Claim added");
  await expect.poll(() => highlightTextOf(b, claim.id), { timeout: 3_000 }).toBe(claim.quote);
  await expect.poll(() => labelTextOf(b, claim.id)).toBe("C2");
  await expect(b.getByRole("status")).toHaveText(
    new RegExp(`^${editor.name} added a claim “His Foreign Ministry spokesman, Zhao Lijian, said the .*…”$`),
  );
  // The flash lasts 1.6 s: on a loaded machine it can be over before the assertions above finish, so the page records it.
  await expect.poll(() => flashedIds(b)).toContain(claim.id);
  await shot(b, "03-reviewer-new-highlight");
  // Nobody announces their own change twice.
  await a.waitForTimeout(500);
  await expect(a.getByRole("status")).toHaveText("Claim added");

  // Both on C2: the editor types a note (unsaved) while the reviewer changes the speaker and saves.
  const panelA = panelOf(a);
  const panelB = panelOf(b);
  await expect(panelA.getByRole("heading", { level: 2, name: "C2 Claim" })).toBeVisible();
  await clickHighlight(b, claim.id);
  await expect(panelB.getByRole("heading", { level: 2, name: "C2 Claim" })).toBeVisible();
  await panelA.getByLabel("Note").fill(NOTE);
  await panelB.getByLabel("Speaker").fill(SPEAKER);
  await panelB.getByRole("button", { name: "Save", exact: true }).click();
  await expect(b.getByRole("status")).toHaveText("Saved");

  // The editor is told before saving; nothing they typed moves, nothing of theirs is overwritten.
  const notice = panelA.getByTestId("conflict-notice");
  await expect(notice).toContainText(
    `${reviewer.name} changed this annotation while you were editing — review before saving.`,
    { timeout: 3_000 },
  );
  await expect(notice.getByRole("row", { name: /Speaker/ })).toContainText(SPEAKER);
  await expect(panelA.getByLabel("Note")).toHaveValue(NOTE);
  await expect(panelA.getByLabel("Speaker")).toHaveValue("");
  await expect(a.getByRole("status")).toContainText(`${reviewer.name} updated claim C2`);
  await shot(a, "04-editor-changed-while-editing");

  // Saving anyway meets the conflict (409): the existing conflict UI, with the note still there.
  const conflictResponse = a.waitForResponse(
    (response) => response.url().endsWith(`/annotations/${claim.id}`) && response.request().method() === "PATCH",
  );
  await panelA.getByRole("button", { name: "Save", exact: true }).click();
  expect((await conflictResponse).status()).toBe(409);
  await expect(notice).toContainText("Someone changed this since you opened it.");
  await expect(panelA.getByLabel("Note")).toHaveValue(NOTE);
  await shot(a, "05-editor-conflict");

  // Load theirs, keep the note, save: both pages end on the same version with both changes.
  await notice.getByRole("button", { name: "Load their version" }).click();
  await expect(panelA.getByLabel("Speaker")).toHaveValue(SPEAKER);
  const kept = panelA.getByRole("region", { name: "Your unsaved text" });
  await expect(kept).toContainText(NOTE);
  await kept.getByRole("button", { name: "Use mine" }).click();
  await expect(panelA.getByLabel("Note")).toHaveValue(NOTE);
  await panelA.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByRole("status")).toHaveText("Saved");
  const saved = (await stored(a.request, article.id)).annotations.find((annotation) => annotation.id === claim.id)!;
  expect(saved).toMatchObject({ speaker: SPEAKER, note: NOTE });
  await expect(panelA.getByText(`version ${saved.version}`)).toBeVisible();
  await expect(panelB.getByText(`version ${saved.version}`)).toBeVisible({ timeout: 3_000 });
  await expect(panelB.getByLabel("Note")).toHaveValue(NOTE);
  await expect(panelB.getByLabel("Speaker")).toHaveValue(SPEAKER);
  await shot(b, "06-reviewer-same-version");

  // The reviewer types in C1 (unsaved) as the editor deletes it: gone from the text, the typed note kept to copy.
  await clickHighlight(b, first.id);
  await expect(panelB.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await panelB.getByLabel("Note").fill(REVIEWER_NOTE);
  await clickHighlight(a, first.id);
  await panelA.getByRole("button", { name: "Delete claim C1" }).click();
  await panelA.getByRole("button", { name: "Yes, delete claim C1" }).click();
  await expect(a.getByRole("status")).toHaveText("Deleted");
  await expect.poll(() => highlightTextOf(b, first.id), { timeout: 3_000 }).toBe("");
  await expect(b.getByRole("status")).toContainText(`${editor.name} deleted a claim`);
  await expect(panelB.getByTestId("conflict-notice")).toContainText(`This annotation was deleted by ${editor.name}.`);
  await expect(panelB.getByLabel("Note")).toHaveValue(REVIEWER_NOTE);
  // The other claim keeps its label: C1 is not given again.
  await expect.poll(() => labelTextOf(b, claim.id)).toBe("C2");
  await shot(b, "07-reviewer-annotation-deleted");
  await panelB.getByRole("button", { name: "Close it" }).click();
  await expect(panelB.getByRole("heading", { level: 2, name: /Annotations/ })).toBeVisible();

  expect(await notReloaded(a)).toBe(true);
  expect(await notReloaded(b)).toBe(true);

  // The reviewer leaves: they drop off the editor's list.
  await b.context().close();
  // (allTextContents never waits: the list goes away altogether once nobody else is here.)
  await expect
    .poll(async () => (await presenceOf(a).allTextContents()).join(" "), { timeout: 35_000 })
    .not.toContain(reviewer.name);
  await a.evaluate(() => window.scrollTo(0, 0));
  await shot(a, "08-editor-alone");
  await a.context().close();
});

test("a sign-off elsewhere makes an open page read-only at once, keeping unsaved text on screen", async ({
  browser,
}) => {
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Live sign-off ${Date.now().toString(36)}`);
  // Rated: sign-off refuses claims without a verdict (#13).
  const claim = await createClaim(a.request, article, FIRST, { verdict: "FALSE" });

  await a.goto(`/articles/${article.id}`);
  await markPage(a);
  await expect(a.getByTestId("live-connection")).toHaveText("Live");
  await clickHighlight(a, claim.id);
  const panelA = panelOf(a);
  await panelA.getByLabel("Note").fill(NOTE);

  // Submitted (by the editor, through the API), approved and signed off (by the reviewer) while the page stays open.
  const submit = await a.request.post(`/api/v1/annotations/${claim.id}/submit`, {
    data: { version: claim.version },
    headers: origin,
  });
  expect(submit.status(), await submit.text()).toBe(200);
  const submitted = (await submit.json()) as Annotation;
  await expect(a.getByTestId("article-status")).toHaveText("Article status: In review", { timeout: 3_000 });
  // Their own change elsewhere that leaves the typed fields alone: the note stays, now against the new version.
  await expect(panelA.getByTestId("annotation-status")).toHaveText("Status: →Submitted");
  await expect(panelA.getByLabel("Note")).toHaveValue(NOTE);
  const approve = await b.request.post(`/api/v1/annotations/${claim.id}/review`, {
    data: { decision: "APPROVE", version: submitted.version },
    headers: origin,
  });
  expect(approve.status(), await approve.text()).toBe(200);
  await expect(a.getByRole("status")).toHaveText(`${reviewer.name} approved claim C1`, { timeout: 3_000 });
  const signOff = await b.request.post(`/api/v1/articles/${article.id}/sign-off`, { data: {}, headers: origin });
  expect(signOff.status(), await signOff.text()).toBe(200);

  await expect(a.getByRole("status")).toHaveText(`Article signed off by ${reviewer.name}`, { timeout: 3_000 });
  await expect(a.getByTestId("article-status")).toHaveText("Article status: Signed off");
  await expect(a.getByTestId("signed-off-banner")).toContainText("read-only");
  await expect(panelA.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(panelA.getByLabel("Note")).toHaveCount(0);
  await expect(panelA.getByRole("region", { name: "Your unsaved text" })).toContainText(NOTE);
  await shot(a, "09-editor-signed-off-live");
  expect(await notReloaded(a)).toBe(true);
  await a.context().close();
  await b.context().close();
});
