import { expect, test, type Page } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import {
  createArticle,
  createClaim,
  clickHighlight,
  highlightNamesOf,
  highlightTextOf,
  isDrawnAs,
  labelTextOf,
  origin,
  panelOf,
  seed,
  selectQuote,
  signedIn,
  stored,
  type Annotation,
  type Article,
} from "../support/workbench";

/**
 * A revision of the article, added in the browser: the banner and the CHANGED cue, an orphan placed by selecting
 * words, the diff view; a second person on the article who sees it arrive live without losing a half-typed note;
 * and a deleted sentence whose twin stands elsewhere, only ever suggested there.
 */

const KEPT = "Jake Sullivan, the US national security adviser";
const CHANGED_OLD = "agreements reached by Joe Biden and Xi Jinping at a virtual summit in November";
const CHANGED_NEW = "agreements reached by Joe Biden and Xi Jinping at a virtual summit in December";
const REMOVED =
  "The Biden White House is keen to prevent the war in Ukraine from further cementing a division of the world into two opposing blocs.";
const ADDED = "Correction: the White House wants to stop the war from splitting the world into two blocs.";
const NOTE = "Half-typed by the reviewer, not saved yet.";
const REVISION_NOTE = "Correction appended at 14:00";

const editor = demoAccount("EDITOR");
const reviewer = demoAccount("REVIEWER");
const shot = (page: Page, name: string) => page.screenshot({ path: `tmp/revisions-${name}.png` });

/** The seed with one word changed inside a claim, one claimed paragraph deleted and a correction appended. */
const revised = `${seed.replace(CHANGED_OLD, CHANGED_NEW).replace(`${REMOVED}\n\n`, "")}\n\n${ADDED}\n`;

test("a revision in the browser: banner, changed cue, placing an orphan, the diff, and its live arrival elsewhere", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  expect(revised).not.toContain(REMOVED);
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Revisions ${Date.now().toString(36)}`);
  const kept = await createClaim(a.request, article, KEPT);
  const changed = await createClaim(a.request, article, CHANGED_OLD);
  const removed = await createClaim(a.request, article, REMOVED);

  await a.goto(`/articles/${article.id}`);
  await b.goto(`/articles/${article.id}`);
  await expect(a.getByTestId("live-connection")).toHaveText("Live");
  await expect(b.getByTestId("live-connection")).toHaveText("Live");
  await expect(a.getByTestId("revision-banner")).toContainText("Revision 1 of 1");

  // The reviewer starts a note on the claim that will move (the paragraph before it is deleted) and does not save.
  await clickHighlight(b, kept.id);
  await panelOf(b).getByLabel("Note").fill(NOTE);

  // The editor pastes the changed article as a new revision.
  await a.getByRole("button", { name: "New revision" }).click();
  const dialog = a.getByRole("dialog", { name: "New revision" });
  await dialog.getByLabel("Text", { exact: true }).fill(revised);
  await dialog.getByLabel("Note for the history (optional)").fill(REVISION_NOTE);
  await shot(a, "01-dialog");
  await dialog.getByRole("button", { name: "Add revision" }).click();
  await expect(dialog).toBeHidden();
  await expect(a.getByTestId("revision-outcome")).toHaveText(
    "Revision 2 added: 1 carried exactly, 1 changed, 1 needs placement",
  );
  // The reviewer is told at once what the revision left to do.
  await expect(b.getByRole("status")).toHaveText(
    "Revision 2 arrived: 1 annotation needs placement, 1 annotation's words changed",
  );
  const banner = a.getByTestId("revision-banner");
  await expect(banner).toContainText("Revision 2 of 2");
  await expect(banner).toContainText("1 changed, 1 needs placement");
  await expect(banner).toContainText(REVISION_NOTE);

  // The changed claim: a dashed cue on its highlight and Δ on its label, "Words changed" in the list, old and new words in the panel.
  await expect.poll(() => isDrawnAs(a, changed.id, "wb-changed")).toBe(true);
  await expect.poll(() => labelTextOf(a, changed.id)).toMatch(/Δ/);
  await expect.poll(() => highlightTextOf(a, changed.id)).toBe(CHANGED_NEW);
  await expect.poll(() => highlightNamesOf(a, kept.id)).toContain("wb-claim");
  expect(await highlightNamesOf(a, kept.id)).not.toContain("wb-changed");
  await expect(panelOf(a).getByRole("listitem").filter({ hasText: "Words changed" })).toHaveCount(1);
  // The orphan is not drawn anywhere in the text.
  await expect.poll(() => highlightTextOf(a, removed.id)).toBe("");
  await shot(a, "02-banner-tray-changed");
  await clickHighlight(a, changed.id);
  await expect(panelOf(a).getByTestId("changed-words")).toContainText(
    `Old words: ‘${CHANGED_OLD}’ → New words: ‘${CHANGED_NEW}’`,
  );
  await shot(a, "03-changed-panel");
  await panelOf(a).getByRole("button", { name: "Close panel" }).click();

  // The tray: the orphan with its old words; placing it on the selected correction puts it back in the text.
  const tray = a.getByTestId("needs-placement");
  await expect(tray).toContainText(REMOVED);
  await selectQuote(a, ADDED);
  const placing = a.waitForResponse(
    (response) => response.url().endsWith(`/annotations/${removed.id}`) && response.request().method() === "PATCH",
  );
  await tray.getByRole("button", { name: "Place on selected words" }).click();
  expect((await placing).status()).toBe(200);
  await expect(tray).toBeHidden();
  await expect.poll(() => highlightTextOf(a, removed.id)).toBe(ADDED);
  await expect(banner).toContainText("1 changed");
  await expect(banner).not.toContainText("placement");
  const after = await stored(a.request, article.id);
  const placed = after.annotations.find((annotation) => annotation.id === removed.id) as Annotation & {
    anchor: { status: string };
  };
  expect(placed.anchor.status).toBe("ANCHORED");
  expect(after.revision.text.slice(placed.start, placed.end)).toBe(ADDED);

  // The reviewer saw the revision arrive, with the note still typed in; saving it sends no offsets and keeps the claim on its words.
  await expect(b.getByTestId("revision-banner")).toContainText("Revision 2 of 2");
  await shot(b, "04-arrived-live");
  await expect(panelOf(b).getByLabel("Note")).toHaveValue(NOTE);
  await expect.poll(() => highlightTextOf(b, kept.id)).toBe(KEPT);
  await panelOf(b).getByRole("button", { name: "Save", exact: true }).click();
  await expect(b.getByRole("status")).toHaveText("Saved");
  const saved = (await stored(b.request, article.id)).annotations.find((annotation) => annotation.id === kept.id)!;
  expect(saved.note).toBe(NOTE);
  expect(after.revision.text.slice(saved.start, saved.end)).toBe(KEPT);

  // The diff view: from the banner's link, previous → current by default, inserted and deleted text marked.
  await a.getByRole("link", { name: "History and changes" }).click();
  await expect(a.getByRole("heading", { level: 1, name: "Revisions" })).toBeVisible();
  await expect(a.getByRole("row", { name: new RegExp(REVISION_NOTE) })).toBeVisible();
  const diff = a.getByTestId("revision-diff");
  await expect(diff.locator("ins").filter({ hasText: "December" })).toHaveCount(1);
  await expect(diff.locator("del").filter({ hasText: "November" })).toHaveCount(1);
  await expect(diff.locator("del").filter({ hasText: "two opposing blocs" })).toHaveCount(1);
  await expect(diff.locator("ins").filter({ hasText: "Correction:" })).toHaveCount(1);
  await expect(a.getByTestId("diff-count")).toContainText("from revision 1 to revision 2");
  await expect(diff.getByText("[inserted: ", { exact: false }).first()).toBeAttached();
  await shot(a, "05-diff");

  // The changed claim's own history (from its panel) says what the revision did to it.
  await a.goto(`/articles/${article.id}`);
  await expect(a.getByTestId("live-connection")).toHaveText("Live");
  await clickHighlight(a, changed.id);
  await panelOf(a).getByRole("link", { name: "History" }).click();
  await expect(a.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(a.getByText("had its words changed in revision 2", { exact: false })).toBeVisible();
});

test("a deleted sentence with a twin elsewhere is never moved onto it: the tray suggests it, J reaches the tray, and leaving it unplaced folds it away", async ({
  browser,
}) => {
  const TWIN = "The minister said prices rose 20% in May.";
  const OTHER = "A second claim whose paragraph is also removed.";
  const first = `Opening paragraph of the story.\n\n${TWIN}\n\nA paragraph in between.\n\n${OTHER}\n\nAnother paragraph.\n\n${TWIN}\n\nThe end.\n`;
  const second = `Opening paragraph of the story.\n\nA paragraph in between.\n\nAnother paragraph.\n\n${TWIN}\n\nThe end.\n`;
  const a = await signedIn(browser, editor);
  const created = await a.request.post("/api/v1/articles", {
    data: { title: `Revisions twin ${Date.now().toString(36)}`, text: first },
    headers: origin,
  });
  expect(created.status()).toBe(201);
  const article = (await created.json()) as Article;
  const twin = await createClaim(a.request, article, TWIN);
  const other = await createClaim(a.request, article, OTHER);
  const revised = await a.request.post(`/api/v1/articles/${article.id}/revisions`, {
    data: { text: second, baseRevisionId: article.revision.id },
    headers: origin,
  });
  expect(revised.status(), await revised.text()).toBe(201);

  await a.goto(`/articles/${article.id}`);
  await expect(a.getByTestId("live-connection")).toHaveText("Live");
  const tray = a.getByTestId("needs-placement");
  await expect(tray.getByRole("listitem")).toHaveCount(2);
  // Nothing was drawn on the twin: it is offered, not applied.
  await expect.poll(() => highlightTextOf(a, twin.id)).toBe("");

  // J walks the text (nothing placed here) and then the tray: the first unplaced claim opens in the panel.
  await a.keyboard.press("j");
  const panel = panelOf(a);
  await expect(panel.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await expect(panel.getByRole("region", { name: "Needs placement" })).toContainText(TWIN);
  await a.keyboard.press("Escape");

  // Leaving the other one unplaced folds it away (and back).
  const otherItem = tray.getByRole("listitem").filter({ hasText: OTHER });
  await otherItem.getByRole("button", { name: "Leave unplaced" }).click();
  await expect(tray.getByRole("listitem").filter({ hasText: OTHER })).toBeHidden();
  await expect(tray.getByText("Left unplaced (1)")).toBeVisible();

  // The suggestion is applied only on its button.
  const suggestion = tray.getByRole("button", { name: `Place on suggestion: “${TWIN}”` });
  await suggestion.click();
  await expect.poll(() => highlightTextOf(a, twin.id)).toBe(TWIN);
  const after = await stored(a.request, article.id);
  const placed = after.annotations.find((annotation) => annotation.id === twin.id)!;
  expect(after.revision.text.slice(placed.start, placed.end)).toBe(TWIN);
  // The left one still waits, folded; the banner still counts it.
  await expect(a.getByTestId("revision-banner")).toContainText("1 needs placement");
  const left = after.annotations.find((annotation) => annotation.id === other.id)! as Annotation & {
    anchor: { status: string };
  };
  expect(left.anchor.status).toBe("ORPHANED");
});
