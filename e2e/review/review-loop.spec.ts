import { expect, test, type Page } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import {
  createArticle,
  createClaim,
  clickHighlight,
  labelOf,
  labelTextOf,
  origin,
  panelOf,
  selectQuote,
  signedIn,
  stored,
} from "../support/workbench";

/**
 * The four-eyes review loop with two people at once: an editor (context A)
 * and a reviewer (context B), each in their own browser context.
 */

const QUOTE = "Russia has asked China for weapons to bolster its faltering invasion of Ukraine";
const OWN_QUOTE = "The Biden White House is keen to prevent the war in Ukraine";
const NOTE = "Name the US officials' briefing as a source and give a verdict.";
const REASON = "The ministry published a correction on Tuesday.";

const editor = demoAccount("EDITOR");
const reviewer = demoAccount("REVIEWER");

test.use({ viewport: { width: 1366, height: 900 } });

const shot = (page: Page, name: string) => page.screenshot({ path: `tmp/review-${name}.png` });

test("submit, request changes, fix, resubmit, approve, sign off (read-only), reopen", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const title = `Review loop ${Date.now().toString(36)}`;
  const article = await createArticle(a.request, title);
  const claim = await createClaim(a.request, article, QUOTE);

  // A: the editor opens the claim and submits it.
  await a.goto(`/articles/${article.id}`);
  await expect(a.getByTestId("article-status")).toHaveText("Article status: Draft");
  await expect.poll(() => labelTextOf(a, claim.id)).toBe("C1");
  await expect(a.getByRole("button", { name: "Sign off article" })).toHaveCount(0);
  await clickHighlight(a, claim.id);
  const panelA = panelOf(a);
  await expect(panelA.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await expect(panelA.getByTestId("annotation-status")).toHaveText("Status: Draft");
  // Editors do not review.
  await expect(panelA.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await panelA.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByRole("status")).toHaveText("Submitted for review");
  await expect(panelA.getByTestId("annotation-status")).toHaveText("Status: →Submitted");
  await expect(panelA.getByText("Waiting for review by someone else.")).toBeVisible();
  await expect(panelA.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  // The first submission moves the article into review.
  await expect(a.getByTestId("article-status")).toHaveText("Article status: In review");
  await expect.poll(() => labelTextOf(a, claim.id)).toBe("C1\u202f→");
  await expect.poll(async () => (await labelOf(a, claim.id))?.spoken).toBe("C1 submitted");
  await shot(a, "01-editor-submitted");

  // B: the reviewer finds it in the queue (counted in the navigation) and opens it from there.
  await b.goto("/review");
  const queueLink = b.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Review queue/ });
  await expect(queueLink.locator(".nav-count")).toHaveText(/^[1-9]\d*$/);
  const row = b.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(editor.name);
  await row.getByRole("link").click();
  await expect(b).toHaveURL(new RegExp(`/articles/${article.id}#annotation-${claim.id}$`));
  const panelB = panelOf(b);
  await expect(panelB.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await expect(panelB.getByRole("button", { name: "Submit for review" })).toHaveCount(0);

  // Sign-off is offered but held back, saying why, with a way to the annotation in the way.
  const signOff = b.getByRole("button", { name: "Sign off article" });
  await expect(signOff).toHaveAttribute("aria-disabled", "true");
  await expect(signOff).toHaveAccessibleDescription(/1 annotation not approved yet/);
  await expect(b.getByTestId("sign-off-why").getByRole("link", { name: "C1 claim, Submitted" })).toBeVisible();

  // Request changes: the note is required, so an empty one is not sent.
  const reviews: string[] = [];
  b.on("request", (request) => {
    if (request.url().endsWith(`/annotations/${claim.id}/review`)) reviews.push(request.postData() ?? "");
  });
  await panelB.getByRole("button", { name: "Request changes" }).click();
  const note = panelB.getByRole("textbox", { name: "What needs to change?" });
  await expect(note).toBeFocused();
  await panelB.getByRole("button", { name: "Send back with this note" }).click();
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(note).toHaveAccessibleDescription(/Say what needs to change/);
  expect(reviews).toEqual([]);
  await note.fill(NOTE);
  await shot(b, "02-reviewer-request-changes");
  await panelB.getByRole("button", { name: "Send back with this note" }).click();
  await expect(b.getByRole("status")).toHaveText("Changes requested");
  expect(reviews.map((body) => JSON.parse(body))).toEqual([
    { decision: "REQUEST_CHANGES", note: NOTE, version: claim.version + 1 },
  ]);
  await expect(panelB.getByTestId("annotation-status")).toHaveText("Status: !Changes requested");
  await expect.poll(async () => (await labelOf(b, claim.id))?.spoken).toBe("C1 changes requested");

  // A: the editor reloads and reads the note, fixes the claim and submits it again.
  await a.reload();
  await clickHighlight(a, claim.id);
  await expect(panelA.getByTestId("changes-requested")).toHaveText(`Changes requested by ${reviewer.name}: “${NOTE}”`);
  await expect(panelA.getByTestId("annotation-status")).toHaveText("Status: !Changes requested");
  await shot(a, "03-editor-changes-requested");
  await panelA.getByLabel("Verdict").selectOption({ label: "Mostly true" });
  await panelA.getByLabel("Rationale").fill("US officials told reporters of the request; Moscow and Beijing deny it.");
  // Unsaved changes come first: a review covers what is saved.
  await expect(panelA.getByRole("button", { name: "Submit for review" })).toHaveAttribute("aria-disabled", "true");
  await panelA.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByRole("status")).toHaveText("Saved");
  await panelA.getByRole("button", { name: "+ Add a source" }).click();
  await panelA
    .getByLabel("URL", { exact: true })
    .fill("https://www.ft.com/content/russia-asks-china-for-military-help");
  await panelA.getByLabel("Title").fill("Russia asks China for military help");
  await panelA.getByRole("button", { name: "Add source", exact: true }).click();
  await expect(a.getByRole("status")).toHaveText("Source added");
  await panelA.getByRole("button", { name: "Done" }).click();
  await panelA.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByRole("status")).toHaveText("Submitted for review");
  await expect(panelA.getByTestId("changes-requested")).toHaveCount(0);
  await expect(panelA.getByText("Waiting for review by someone else.")).toBeVisible();

  // B: the reviewer approves; nothing blocks the sign-off any more.
  await b.reload();
  await expect(panelB.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await expect(panelB.getByLabel("Rationale")).toHaveValue(/Moscow and Beijing deny it/);
  await panelB.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(b.getByRole("status")).toHaveText("Approved");
  await expect(panelB.getByTestId("annotation-status")).toHaveText("Status: ✓Approved");
  await expect(panelB.getByText(`Approved by ${reviewer.name}.`)).toBeVisible();
  await expect.poll(() => labelTextOf(b, claim.id)).toBe("C1\u202f✓");
  await expect(signOff).not.toHaveAttribute("aria-disabled");
  await expect(b.getByTestId("sign-off-why")).toHaveCount(0);
  await shot(b, "04-reviewer-approved");
  await signOff.click();
  await b.getByLabel("Note (optional)").fill("Checked against the FT and the ministry's transcript.");
  await shot(b, "05-reviewer-sign-off-form");
  await b.getByRole("button", { name: "Confirm sign-off" }).click();
  await expect(b.getByRole("status")).toHaveText("Article signed off");
  const banner = b.getByTestId("signed-off-banner");
  await expect(banner).toContainText(new RegExp(`Signed off by ${reviewer.name} on \\d{1,2} \\w+ \\d{4} — read-only`));
  await expect(banner).toBeFocused();
  await expect(b.getByTestId("article-status")).toHaveText("Article status: Signed off");

  // A: the editor reloads onto a read-only article.
  await a.reload();
  await expect(a.getByTestId("signed-off-banner")).toContainText(`Signed off by ${reviewer.name} on`);
  await expect(a.getByTestId("signed-off-banner")).toContainText("read-only");
  await expect(a.getByRole("button", { name: "Reopen article" })).toHaveCount(0);
  await expect(a.getByText("Select text, then")).toHaveCount(0);
  await clickHighlight(a, claim.id);
  await a.evaluate(() => window.scrollTo(0, 0));
  await expect(panelA.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  for (const name of ["Save", "Submit for review", "+ Add a source", "Delete claim C1", "Approve"])
    await expect(panelA.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(panelA.getByRole("textbox")).toHaveCount(0);
  await expect(panelA.getByRole("combobox")).toHaveCount(0);
  await expect(panelA.getByText("US officials told reporters of the request")).toBeVisible();
  await shot(a, "06-editor-signed-off");
  await a.keyboard.press("Escape");
  const posts: string[] = [];
  a.on("request", (request) => {
    if (request.method() !== "GET") posts.push(request.url());
  });
  await selectQuote(a, "Jake Sullivan, the US national security adviser");
  await expect(a.getByRole("toolbar", { name: "Tag the selected text" })).toHaveCount(0);
  await a.keyboard.press("c");
  // Nothing is sent, and the page says why.
  await expect(a.getByRole("status")).toHaveText(
    "This article is signed off: reopen it to change it. A reviewer or an admin can reopen it.",
  );
  expect(posts).toEqual([]);
  const locked = await stored(a.request, article.id);
  expect(locked.annotations).toHaveLength(1);
  // The server enforces it too, even with the right version.
  const patch = await a.request.patch(`/api/v1/annotations/${claim.id}`, {
    data: { version: locked.annotations[0].version, speaker: "Someone" },
    headers: origin,
  });
  expect(patch.status()).toBe(409);
  expect((await patch.json()).error.code).toBe("LOCKED");

  // B: the reviewer reopens it, with a reason.
  await b.getByRole("button", { name: "Reopen article" }).click();
  const reason = b.getByRole("textbox", { name: "Why reopen it?" });
  await expect(reason).toBeFocused();
  await b.getByRole("button", { name: "Reopen article" }).click();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await reason.fill(REASON);
  await expect(reason).toHaveAttribute("aria-invalid", "false");
  await shot(b, "07-reviewer-reopen-form");
  await b.getByRole("button", { name: "Reopen article" }).click();
  await expect(b.getByRole("status")).toHaveText("Article reopened");
  await expect(b.getByTestId("article-status")).toHaveText("Article status: Reopened");
  await expect(b.getByTestId("signed-off-banner")).toHaveCount(0);
  await expect(panelB.getByRole("button", { name: "Save", exact: true })).toBeVisible();
  // Everything is still approved, so it could be signed off again straight away.
  await expect(signOff).toBeFocused();
  await expect(signOff).not.toHaveAttribute("aria-disabled");
  // The index lists each annotation's review state.
  await b.keyboard.press("Escape");
  await expect(panelB.getByRole("button", { name: /Claim: .*Approved/ })).toBeVisible();
  await shot(b, "08-reviewer-reopened-index");

  // A: the editor can edit again. A detail keeps the approval; substance sends it back to draft, and the page says so.
  await a.reload();
  await expect(a.getByTestId("signed-off-banner")).toHaveCount(0);
  await clickHighlight(a, claim.id);
  await panelA.getByLabel("Speaker").fill("US officials");
  await panelA.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByRole("status")).toHaveText("Saved");
  await expect(panelA.getByTestId("annotation-status")).toHaveText("Status: ✓Approved");
  await panelA.getByLabel("Verdict").selectOption({ label: "Unverifiable" });
  await expect(panelA.getByTestId("undoes-approval")).toBeVisible();
  await panelA.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByRole("status")).toHaveText(
    "Saved. Back to draft: an approved annotation needs review again after a change of substance",
  );
  await expect(panelA.getByTestId("annotation-status")).toHaveText("Status: Draft");
  await expect(panelA.getByTestId("review-box").getByText("Back to draft:")).toBeVisible();
  await expect(panelA.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await shot(a, "09-editor-back-to-draft");

  // The audit log tells the story in sentences.
  await b.getByRole("link", { name: "Audit log" }).click();
  await expect(b.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const log = b.locator(".audit-log");
  const subject = `claim C1 “${QUOTE.slice(0, 47)}…”`;
  await expect(log).toContainText(`${reviewer.name} approved ${subject}`);
  await expect(log).toContainText(`${reviewer.name} requested changes to ${subject} — “${NOTE}”`);
  await expect(log).toContainText(`${editor.name} submitted ${subject} for review`);
  await expect(log).toContainText(`${reviewer.name} signed off the article`);
  await expect(log).toContainText(`${reviewer.name} reopened the article — “${REASON}”`);
  // Only the fields really edited are sent, so the log names them and nothing more, each from → to.
  await expect(log).toContainText(`${editor.name} edited ${subject}: speaker: none → “US officials” —`);
  await expect(log).toContainText(
    `${editor.name} edited ${subject}: verdict: Mostly true → Unverifiable; it went back from approved to draft —`,
  );
  await shot(b, "10-audit-log");
});

test("a reviewer does not review their own annotation (four eyes)", async ({ browser }) => {
  const b = await signedIn(browser, reviewer);
  const title = `Own work ${Date.now().toString(36)}`;
  const article = await createArticle(b.request, title);
  const own = await createClaim(b.request, article, OWN_QUOTE);
  const submitted = await b.request.post(`/api/v1/annotations/${own.id}/submit`, { data: {}, headers: origin });
  expect(submitted.status()).toBe(200);

  await b.goto(`/articles/${article.id}#annotation-${own.id}`);
  const panel = panelOf(b);
  await expect(panel.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await expect(panel.getByTestId("annotation-status")).toHaveText("Status: →Submitted");
  await expect(panel.getByText("Waiting for review by someone else.")).toBeVisible();
  await expect(panel.getByText("You wrote it, so another reviewer approves it (four-eyes rule).")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Request changes" })).toHaveCount(0);
  await shot(b, "11-reviewer-own-annotation");

  // Not in their queue either, and the server refuses it outright.
  await b.goto("/review");
  await expect(b.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  const refused = await b.request.post(`/api/v1/annotations/${own.id}/review`, {
    data: { decision: "APPROVE" },
    headers: origin,
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/four-eyes/);
});

test("a reviewer who changed a submitted claim's verdict cannot approve it (four eyes)", async ({ browser }) => {
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const title = `Changed verdict ${Date.now().toString(36)}`;
  const article = await createArticle(a.request, title);
  const claim = await createClaim(a.request, article, QUOTE);
  expect((await a.request.post(`/api/v1/annotations/${claim.id}/submit`, { data: {}, headers: origin })).status()).toBe(
    200,
  );

  // The reviewer changes the verdict instead of reviewing it: warned first, then it is a draft again.
  await b.goto(`/articles/${article.id}#annotation-${claim.id}`);
  const panel = panelOf(b);
  await expect(panel.getByTestId("annotation-status")).toHaveText("Status: →Submitted");
  await expect(panel.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
  await panel.getByLabel("Verdict").selectOption({ label: "True" });
  await expect(panel.getByTestId("undoes-approval")).toContainText("someone other than you reviews it");
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  await expect(b.getByRole("status")).toHaveText(
    "Saved. Back to draft: submit it again after a change of substance; someone other than you reviews it",
  );
  await expect(panel.getByTestId("annotation-status")).toHaveText("Status: Draft");

  // Submitted again, it waits for someone else: no Approve, no Request changes, not in their queue.
  await panel.getByRole("button", { name: "Submit for review" }).click();
  await expect(b.getByRole("status")).toHaveText("Submitted for review");
  await expect(panel.getByTestId("annotation-status")).toHaveText("Status: →Submitted");
  await expect(
    panel.getByText("You changed its substance, so another reviewer approves it (four-eyes rule)."),
  ).toBeVisible();
  await expect(panel.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Request changes" })).toHaveCount(0);
  await shot(b, "12-reviewer-changed-verdict");
  // After a reload too (the editors come from the server, not from this page's memory).
  await b.reload();
  await expect(
    panel.getByText("You changed its substance, so another reviewer approves it (four-eyes rule)."),
  ).toBeVisible();
  await expect(panel.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await b.goto("/review");
  await expect(b.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(b.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  const refused = await b.request.post(`/api/v1/annotations/${claim.id}/review`, {
    data: { decision: "APPROVE" },
    headers: origin,
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/You changed this annotation's substance.*four-eyes/);

  // Someone else approves it, and the approval covers the change.
  const c = await signedIn(browser, demoAccount("ADMIN"));
  const approved = await c.request.post(`/api/v1/annotations/${claim.id}/review`, {
    data: { decision: "APPROVE" },
    headers: origin,
  });
  expect(approved.status()).toBe(200);
  expect(await approved.json()).toMatchObject({ status: "APPROVED", verdict: "TRUE", editorIds: [] });
});
