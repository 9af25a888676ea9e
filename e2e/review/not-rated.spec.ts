import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import { createArticle, createClaim, clickHighlight, origin, panelOf, signedIn } from "../support/workbench";

// #13 item 3 in Chromium: sign-off waits while a claim has no verdict, says so and lists it; the editor
// marks it "Not rated" with a required reason; the reviewer then signs off, and the HTML says why.
const RATED = "Russia has asked China for weapons to bolster its faltering invasion of Ukraine";
const UNRATED = "The Biden White House is keen to prevent the war in Ukraine";
const REASON = "No public record exists to check the White House's intentions against.";

test.use({ viewport: { width: 1366, height: 900 } });

test("sign-off refuses an unrated claim until it is rated or marked not rated with a reason", async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await signedIn(browser, demoAccount("EDITOR"));
  const b = await signedIn(browser, demoAccount("REVIEWER"));
  const article = await createArticle(a.request, `Not rated ${Date.now().toString(36)}`);
  const rated = await createClaim(a.request, article, RATED, { verdict: "MOSTLY_TRUE" });
  const unrated = await createClaim(a.request, article, UNRATED);
  const approve = async (id: string) => {
    const submitted = await a.request.post(`/api/v1/annotations/${id}/submit`, { data: {}, headers: origin });
    expect(submitted.status(), await submitted.text()).toBe(200);
    const approved = await b.request.post(`/api/v1/annotations/${id}/review`, {
      data: { decision: "APPROVE" },
      headers: origin,
    });
    expect(approved.status(), await approved.text()).toBe(200);
  };
  await approve(rated.id);
  await approve(unrated.id);

  // The reviewer: everything is approved, yet the sign-off waits and says for what.
  await b.goto(`/articles/${article.id}`);
  await expect(b.getByRole("button", { name: "Sign off article" })).toHaveAttribute("aria-disabled", "true");
  await expect(b.getByTestId("sign-off-unrated")).toHaveText(
    "Sign-off waits: 1 claim or denial has no verdict. Rate each, or choose “Not rated” and say why.",
  );
  await expect(b.getByTestId("sign-off-why").getByRole("link", { name: /claim, No verdict/ })).toHaveCount(1);
  // The server says the same to anyone who tries anyway (409, listing it).
  const refused = await b.request.post(`/api/v1/articles/${article.id}/sign-off`, { data: {}, headers: origin });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({
    error: {
      code: "CONFLICT",
      message: "1 claim(s) or denial(s) have no verdict: rate each, or mark it not rated and say why.",
      unrated: [{ id: unrated.id, kind: "CLAIM", status: "APPROVED" }],
    },
  });

  // The editor: "Not rated" needs a reason before it saves.
  await a.goto(`/articles/${article.id}`);
  await clickHighlight(a, unrated.id);
  const panel = panelOf(a);
  await panel.getByLabel("Verdict").selectOption({ label: "Not rated (say why)" });
  const reason = panel.getByLabel("Why not rated (published, required)");
  await expect(panel.getByTestId("undoes-approval")).toBeVisible();
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAccessibleDescription("Say why it is not rated: readers see this instead of a verdict.");
  await reason.fill(REASON);
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByRole("status")).toHaveText(
    "Saved. Back to draft: an approved annotation needs review again after a change of substance",
  );
  await panel.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByRole("status")).toHaveText("Submitted for review");

  // The reviewer approves the change; now the article can be signed off.
  const approved = await b.request.post(`/api/v1/annotations/${unrated.id}/review`, {
    data: { decision: "APPROVE" },
    headers: origin,
  });
  expect(approved.status(), await approved.text()).toBe(200);
  await b.reload();
  await expect(b.getByTestId("sign-off-why")).toHaveCount(0);
  await b.getByRole("button", { name: "Sign off article" }).click();
  await b.getByRole("button", { name: "Confirm sign-off" }).click();
  await expect(b.getByTestId("article-status")).toHaveText("Article status: Signed off");

  const [download] = await Promise.all([
    b.waitForEvent("download"),
    b
      .getByText("Export", { exact: true })
      .click()
      .then(() => b.getByRole("link", { name: "Annotated HTML" }).click()),
  ]);
  const html = fs.readFileSync((await download.path())!, "utf8");
  expect(html).toContain(`Not rated: ${REASON}`);
  expect(html).not.toContain('Not rated yet</th><td>—</td><td class="num">1');
});
