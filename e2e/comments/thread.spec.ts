import { expect, test, type Browser, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demoAccount, signInViaApi, type DemoAccount } from "../support/accounts";
import { clickHighlight } from "../support/workbench";

const TEXT = "The mayor said crime fell by half last year. Police figures tell another story.";
const CLAIM = "crime fell by half last year";
const origin = { Origin: baseURL };

type Comment = { id: string; body: string; version: number; author: { id: string; name: string }; edited: boolean };

/** A signed-in browser of its own (its own cookies), as a second person at another desk would have. */
async function signedIn(browser: Browser, account: DemoAccount): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaApi(page.request, account.email, account.password);
  return page;
}

async function articleWithClaim(page: Page): Promise<{ articleId: string; claimId: string }> {
  const article = await page.request.post("/api/v1/articles", {
    data: { title: `Crime figures ${Date.now().toString(36)}`, text: TEXT },
    headers: origin,
  });
  expect(article.status(), await article.text()).toBe(201);
  const { id: articleId } = await article.json();
  const start = TEXT.indexOf(CLAIM);
  const claim = await page.request.post(`/api/v1/articles/${articleId}/annotations`, {
    data: { kind: "CLAIM", start, end: start + CLAIM.length, quote: CLAIM },
    headers: origin,
  });
  expect(claim.status(), await claim.text()).toBe(201);
  return { articleId, claimId: (await claim.json()).id };
}

/** Opens the claim in the workbench and returns its comment thread. */
async function openThread(page: Page, articleId: string, claimId: string) {
  await page.goto(`/articles/${articleId}`);
  await clickHighlight(page, claimId);
  const panel = page.getByRole("complementary", { name: "Annotation details" });
  await expect(panel.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  const thread = panel.getByRole("region", { name: /^Comments/ });
  await expect(thread.getByRole("heading", { level: 3 })).toHaveText(/Comments \(\d+\)/);
  return thread;
}

const comments = async (page: Page, claimId: string): Promise<Comment[]> =>
  (await (await page.request.get(`/api/v1/annotations/${claimId}/comments`)).json()).comments;

test("an editor comments, a reviewer reads it and answers, edits their own and cannot edit the editor's", async ({
  browser,
}) => {
  const editorAccount = demoAccount("EDITOR");
  const reviewerAccount = demoAccount("REVIEWER");
  const editor = await signedIn(browser, editorAccount);
  const reviewer = await signedIn(browser, reviewerAccount);
  const { articleId, claimId } = await articleWithClaim(editor);

  // The editor: an empty comment is refused at the field, without a request.
  const threadA = await openThread(editor, articleId, claimId);
  await expect(threadA.getByText("No comments yet.")).toBeVisible();
  const posts: string[] = [];
  editor.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/annotations/${claimId}/comments`))
      posts.push(request.postData() ?? "");
  });
  const box = threadA.getByLabel("Add a comment");
  await box.fill("   ");
  await threadA.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(box).toHaveAccessibleDescription(/must not be empty/);
  expect(posts).toEqual([]);

  // Ctrl+Enter posts; the box empties and the comment is listed with its author.
  await box.fill("Which year do the police figures cover?\nThe mayor's office says 2025.");
  const posted = editor.waitForResponse(
    (response) => response.url().endsWith(`/annotations/${claimId}/comments`) && response.request().method() === "POST",
  );
  await box.press("Control+Enter");
  expect((await posted).status()).toBe(201);
  await expect(box).toHaveValue("");
  await expect(box).toHaveAttribute("aria-invalid", "false");
  const firstA = threadA.getByRole("listitem").filter({ hasText: "Which year do the police figures cover?" });
  await expect(firstA).toContainText(editorAccount.name);
  await expect(firstA).toContainText("just now");
  await expect(firstA.locator("time")).toHaveAttribute("title", /\d{4}/);
  await expect(firstA.getByRole("button", { name: "Edit your comment" })).toBeVisible();
  await expect(threadA.getByRole("heading", { level: 3 })).toHaveText("Comments (1)");
  expect(posts.map((body) => JSON.parse(body))).toEqual([
    { body: "Which year do the police figures cover?\nThe mayor's office says 2025." },
  ]);

  // The reviewer, in another browser, sees it on opening the claim.
  const threadB = await openThread(reviewer, articleId, claimId);
  const firstB = threadB.getByRole("listitem").filter({ hasText: "Which year do the police figures cover?" });
  await expect(firstB).toContainText(editorAccount.name);
  // Line breaks are kept as written.
  expect(await firstB.locator(".wb-comment-body").innerText()).toBe(
    "Which year do the police figures cover?\nThe mayor's office says 2025.",
  );
  // Not theirs: no edit, and a reviewer is no moderator, so no delete either.
  await expect(firstB.getByRole("button")).toHaveCount(0);

  await threadB.getByLabel("Add a comment").fill("2024, according to the annual report.");
  await threadB.getByRole("button", { name: "Comment", exact: true }).click();
  const ownB = threadB.getByRole("listitem").filter({ hasText: "2024, according to" });
  await expect(ownB).toContainText(reviewerAccount.name);
  await expect(threadB.getByRole("listitem")).toHaveCount(2);
  // Live: the editor's open thread shows the answer without a reload.
  await expect(threadA.getByRole("listitem").filter({ hasText: "2024, according to" })).toBeVisible({ timeout: 5000 });

  // The reviewer edits their own: the text is kept with the version bumped and an "edited" mark.
  await ownB.getByRole("button", { name: "Edit your comment" }).click();
  const editBox = threadB.getByLabel("Edit your comment");
  await expect(editBox).toBeFocused();
  await expect(editBox).toHaveValue("2024, according to the annual report.");
  await editBox.fill("2024, according to the annual report (page 12).");
  const saved = reviewer.waitForResponse(
    (response) => response.request().method() === "PATCH" && response.url().includes("/api/v1/comments/"),
  );
  await threadB.getByRole("button", { name: "Save comment" }).click();
  expect((await saved).status()).toBe(200);
  const editedB = threadB.getByRole("listitem").filter({ hasText: "(page 12)" });
  await expect(editedB.getByTestId("comment-edited")).toHaveText("edited");
  await expect(editedB.getByRole("button", { name: "Edit your comment" })).toBeFocused();

  // The server refuses it too: nobody edits someone else's words.
  const stored = await comments(reviewer, claimId);
  expect(stored.map((comment) => [comment.author.name, comment.version, comment.edited])).toEqual([
    [editorAccount.name, 1, false],
    [reviewerAccount.name, 2, true],
  ]);
  const forged = await reviewer.request.patch(`/api/v1/comments/${stored[0].id}`, {
    data: { body: "Put in your mouth", version: 1 },
    headers: origin,
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("FORBIDDEN");
  const forgedDelete = await reviewer.request.delete(`/api/v1/comments/${stored[0].id}`, { headers: origin });
  expect(forgedDelete.status()).toBe(403);

  // The editor reloads: both, oldest first, the reviewer's marked as edited and not editable here.
  await editor.reload();
  const reloaded = await openThread(editor, articleId, claimId);
  await expect(reloaded.getByRole("listitem")).toHaveText([
    new RegExp(`${editorAccount.name}.*Which year`, "s"),
    new RegExp(`${reviewerAccount.name}.*edited.*\\(page 12\\)`, "s"),
  ]);
  await expect(reloaded.getByRole("listitem").nth(1).getByRole("button")).toHaveCount(0);

  // The editor deletes their own, after confirming.
  const mine = reloaded.getByRole("listitem").filter({ hasText: "Which year" });
  await mine.getByRole("button", { name: "Delete your comment" }).click();
  const deleted = editor.waitForResponse(
    (response) =>
      response.request().method() === "DELETE" && response.url().includes(`/api/v1/comments/${stored[0].id}?version=1`),
  );
  await mine.getByRole("button", { name: "Yes, delete it" }).click();
  expect((await deleted).status()).toBe(204);
  await expect(reloaded.getByRole("listitem")).toHaveCount(1);
  await expect(reloaded.getByRole("heading", { level: 3 })).toHaveText("Comments (1)");

  await editor.context().close();
  await reviewer.context().close();
});

test("an edit over a change made elsewhere (409) shows that version and keeps the typed text", async ({ browser }) => {
  const editor = await signedIn(browser, demoAccount("EDITOR"));
  const { articleId, claimId } = await articleWithClaim(editor);
  const created = await editor.request.post(`/api/v1/annotations/${claimId}/comments`, {
    data: { body: "First draft of a question" },
    headers: origin,
  });
  const comment = (await created.json()) as Comment;

  const thread = await openThread(editor, articleId, claimId);
  await thread.getByRole("button", { name: "Edit your comment" }).click();
  await thread.getByLabel("Edit your comment").fill("My better wording");

  // Meanwhile the same author saves another wording in another tab.
  const elsewhere = await editor.request.patch(`/api/v1/comments/${comment.id}`, {
    data: { body: "Wording from the other tab", version: 1 },
    headers: origin,
  });
  expect(elsewhere.status()).toBe(200);

  const refused = editor.waitForResponse(
    (response) => response.request().method() === "PATCH" && response.url().endsWith(`/api/v1/comments/${comment.id}`),
  );
  await thread.getByRole("button", { name: "Save comment" }).click();
  expect((await refused).status()).toBe(409);
  const alert = thread.getByRole("alert");
  await expect(alert).toContainText("This comment was changed since you opened it");
  await expect(alert).toContainText("Wording from the other tab");
  await expect(thread.getByLabel("Edit your comment")).toHaveValue("My better wording");

  // Wait for the save itself: the list item can look saved (its edited mark is there since the other tab's edit) before the server answers.
  const overwritten = editor.waitForResponse(
    (response) => response.request().method() === "PATCH" && response.url().endsWith(`/api/v1/comments/${comment.id}`),
  );
  await alert.getByRole("button", { name: "Save mine over it" }).click();
  expect((await overwritten).status()).toBe(200);
  await expect(
    thread.getByRole("listitem").filter({ hasText: "My better wording" }).getByTestId("comment-edited"),
  ).toBeVisible();
  expect((await comments(editor, claimId)).map((stored) => [stored.body, stored.version])).toEqual([
    ["My better wording", 3],
  ]);
  await editor.context().close();
});

test("an admin may delete anyone's comment, but not edit it", async ({ browser }) => {
  const editor = await signedIn(browser, demoAccount("EDITOR"));
  const { articleId, claimId } = await articleWithClaim(editor);
  await editor.request.post(`/api/v1/annotations/${claimId}/comments`, {
    data: { body: "Something to moderate" },
    headers: origin,
  });
  const editorName = demoAccount("EDITOR").name;

  const admin = await signedIn(browser, demoAccount("ADMIN"));
  const thread = await openThread(admin, articleId, claimId);
  const item = thread.getByRole("listitem").filter({ hasText: "Something to moderate" });
  await expect(item.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await item.getByRole("button", { name: `Delete comment by ${editorName}` }).click();
  await expect(item).toContainText(`Delete ${editorName}'s comment?`);
  await item.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(thread.getByText("No comments yet.")).toBeVisible();
  await expect(thread.getByRole("heading", { level: 3 })).toBeFocused();
  expect(await comments(editor, claimId)).toEqual([]);
  await admin.context().close();
  await editor.context().close();
});
