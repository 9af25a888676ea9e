import { expect, test } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import { origin, panelOf, selectQuote, signedIn } from "../support/workbench";

/**
 * "Checked before" (decision 030): a claim rated in article A shows when the same claim, reworded, is tagged in
 * article B; Reuse copies its verdict, rationale and sources into B's claim (still a draft) and links the two.
 */
const run = Date.now().toString(36);
const EARLIER = `Exports of quillwort from Port Zephyr rose by 20 per cent in 2023`;
const REWORDED = `quillwort exports out of Port Zephyr jumped twenty percent in 2023`;
const DIFFERENT = `Exports of quillwort from Port Zephyr rose by 12 per cent in 2023`;
const RATIONALE = "The harbour office's figures show a 4 per cent rise.";

const editor = demoAccount("EDITOR");

test("a reworded claim finds the earlier rated one under Checked before, and Reuse copies it with a link", async ({
  browser,
}) => {
  const page = await signedIn(browser, editor);
  const article = async (title: string, text: string) => {
    const response = await page.request.post("/api/v1/articles", { data: { title, text }, headers: origin });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; title: string };
  };
  const claim = async (
    articleId: string,
    text: string,
    quote: string,
    extra: Record<string, unknown>,
  ): Promise<{ id: string; version: number }> => {
    const start = text.indexOf(quote);
    const response = await page.request.post(`/api/v1/articles/${articleId}/annotations`, {
      data: { kind: "CLAIM", start, end: start + quote.length, ...extra },
      headers: origin,
    });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  };
  const textA = `The mayor spoke on Monday. ${EARLIER}, she said.`;
  const a = await article(`Harbour trade A ${run}`, textA);
  const earlierClaim = await claim(a.id, textA, EARLIER, {
    verdict: "FALSE",
    rationale: RATIONALE,
    sources: [{ url: "https://harbour.example.org/figures", title: "Harbour figures" }],
  });
  const textC = `A second speaker went further. ${DIFFERENT}, he said.`;
  const c = await article(`Harbour trade C ${run}`, textC);
  await claim(c.id, textC, DIFFERENT, { verdict: "TRUE" });
  const b = await article(`Harbour trade B ${run}`, `At the rally: ${REWORDED}, the opposition said.`);

  await page.goto(`/articles/${b.id}`);
  await expect(page.getByTestId("live-connection")).toHaveText("Live");
  await selectQuote(page, REWORDED);
  await expect(page.getByRole("toolbar", { name: "Tag the selected text" })).toBeVisible();
  await page.keyboard.press("c");

  const panel = panelOf(page);
  const checked = panel.getByTestId("checked-before");
  await expect(checked.getByRole("heading", { name: "Checked before" })).toBeVisible();
  const earlier = checked.getByTestId("checked-before-item").filter({ hasText: EARLIER });
  await expect(earlier).toBeVisible();
  await expect(earlier).toContainText("False");
  await expect(earlier).toContainText(RATIONALE);
  await expect(earlier.getByRole("link", { name: `C1 in ${a.title}` })).toHaveAttribute("href", `/articles/${a.id}`);
  // The same words with another figure: under its own heading, never offered for reuse.
  const different = checked.getByTestId("checked-before-different");
  await expect(different).toContainText(DIFFERENT);
  await expect(different.getByRole("button", { name: /Reuse/ })).toHaveCount(0);

  const reuse = earlier.getByRole("button", { name: "Reuse" });
  await expect(reuse).toHaveAccessibleDescription(`C1 in ${a.title}`);
  await reuse.click();
  await expect(panel.getByLabel("Verdict", { exact: true })).toHaveValue("FALSE");
  await expect(panel.getByLabel("Rationale", { exact: true })).toHaveValue(RATIONALE);
  await expect(panel.getByTestId("annotation-status")).toContainText("Draft");
  await expect(panel.getByTestId("based-on")).toContainText(`Based on C1 in ${a.title}`);
  await expect(panel).toContainText("Harbour figures");

  // The other side: A's claim says it was reused.
  await page.goto(`/articles/${a.id}`);
  await expect(page.getByTestId("live-connection")).toHaveText("Live");
  await page.keyboard.press("j");
  await expect(panelOf(page).getByTestId("reused-by")).toContainText("Reused in 1 annotation");

  // A later change of the earlier verdict flags the reuse in B, live: in the editor's open panel, and in a
  // reviewer's "Sign-off waits" with a notice of who changed it.
  await page.goto(`/articles/${b.id}`);
  await expect(page.getByTestId("live-connection")).toHaveText("Live");
  await page.keyboard.press("j");
  const flag = panelOf(page).getByTestId("based-on-changed");
  await expect(panelOf(page).getByTestId("based-on")).toBeVisible();
  await expect(flag).toHaveCount(0);
  const reviewer = await signedIn(browser, demoAccount("REVIEWER"));
  await reviewer.goto(`/articles/${b.id}`);
  await expect(reviewer.getByTestId("live-connection")).toHaveText("Live");
  const waits = reviewer.getByTestId("sign-off-basis-changed");
  await expect(reviewer.getByTestId("sign-off-why")).toBeVisible();
  await expect(waits).toHaveCount(0);
  const changed = await page.request.patch(`/api/v1/annotations/${earlierClaim.id}`, {
    data: { version: earlierClaim.version, verdict: "MOSTLY_FALSE" },
    headers: origin,
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await expect(flag).toContainText("The verdict this was based on changed (was False, now Mostly false).");
  await expect(flag).toContainText("cannot be signed off");
  await expect(waits).toContainText("1 annotation reused a verdict that has changed since");
  await expect(
    reviewer.getByTestId("sign-off-why").getByRole("link", { name: /C1.*Reused verdict changed/ }),
  ).toBeVisible();
  await expect(
    reviewer.getByRole("status").filter({ hasText: "changed the verdict that claim C1 reused, in another article" }),
  ).toBeVisible();
  // Keeping its own verdict answers the flag: the verdict stays, the flag goes.
  await panelOf(page).getByRole("button", { name: "Keep this verdict" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Verdict kept" })).toBeVisible();
  await expect(flag).toHaveCount(0);
  await expect(panelOf(page).getByLabel("Verdict", { exact: true })).toHaveValue("FALSE");
  // The reviewer sees that answer live too: sign-off no longer waits on it.
  await expect(waits).toHaveCount(0);
  await reviewer.context().close();
});
