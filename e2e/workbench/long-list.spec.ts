import { expect, test } from "@playwright/test";
import { demoAccount, signInViaApi } from "../support/accounts";
import { createArticle, isDrawnAs, origin, panelOf, type Annotation } from "../support/workbench";

const COUNT = 60;
const SPEAKER = "Quentin Listfinder";

test.beforeEach(async ({ page }) => {
  const editor = demoAccount("EDITOR");
  await signInViaApi(page.request, editor.email, editor.password);
});

test("a long annotation list shows 50 at a time, pages and searches in place, and J/K still walk every annotation", async ({
  page,
}) => {
  const article = await createArticle(page.request, `Long list ${Date.now().toString(36)}`);
  // One claim per word of five letters or more, in reading order, so C1…C60 are also the list's order.
  const words = [...article.revision.text.matchAll(/\p{L}{5,}/gu)].slice(0, COUNT);
  expect(words).toHaveLength(COUNT);
  const created: Annotation[] = [];
  for (const [index, word] of words.entries()) {
    const extra = index === 54 ? { speaker: SPEAKER } : {};
    const response = await page.request.post(`/api/v1/articles/${article.id}/annotations`, {
      data: { kind: "CLAIM", start: word.index, end: word.index + word[0].length, ...extra },
      headers: origin,
    });
    expect(response.status(), await response.text()).toBe(201);
    created.push(await response.json());
  }

  // The server's page carries one page of the list, not all of it.
  const html = await (await page.request.get(`/articles/${article.id}`)).text();
  expect(html.match(/class="wb-index-item"/g)).toHaveLength(50);

  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId("live-connection")).toHaveText(/Live/);
  const panel = panelOf(page);
  const items = panel.locator(".wb-index-list > li");
  const count = panel.locator(".wb-index-count");
  await expect(panel.getByRole("heading", { level: 2, name: `Annotations (${COUNT})` })).toBeVisible();
  await expect(items).toHaveCount(50);
  await expect(count).toHaveText(`Showing 1–50 of ${COUNT}`);
  await expect(panel.getByRole("navigation", { name: "Annotation pages" })).toContainText("Page 1 of 2");
  await expect(panel.getByRole("button", { name: "Previous" })).toHaveAttribute("aria-disabled", "true");

  await panel.getByRole("button", { name: "Next" }).click();
  await expect(items).toHaveCount(COUNT - 50);
  await expect(count).toHaveText(`Showing 51–${COUNT} of ${COUNT}`);
  await expect(items.first().locator(".wb-chip")).toHaveText("C51");
  await expect(panel.getByRole("button", { name: "Next" })).toHaveAttribute("aria-disabled", "true");
  await expect(panel.getByRole("button", { name: "Next" })).toBeFocused();

  // Opening one and pressing Escape comes back to the page the list was left on.
  await items.filter({ hasText: words[54][0] }).first().getByRole("button").click();
  await expect(panel.getByRole("heading", { level: 2, name: "C55 Claim" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(count).toHaveText(`Showing 51–${COUNT} of ${COUNT}`);

  // The search looks at labels, quotes, speakers, verdicts and statuses, and starts again at the first page.
  const search = panel.getByRole("searchbox", { name: "Find" });
  await search.fill(SPEAKER.split(" ")[1].toLowerCase());
  await expect(count).toHaveText("1 found, showing 1–1 of 1");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(SPEAKER);
  await search.fill("C7");
  await expect(items.locator(".wb-chip")).toHaveText(["C7"]);
  await search.fill("no such words anywhere");
  await expect(count).toHaveText("No annotation matches “no such words anywhere”");
  await expect(items).toHaveCount(0);
  // Letters typed in the search are text, not shortcuts.
  await expect(panel.getByRole("heading", { level: 2, name: /Claim$/ })).toHaveCount(0);
  await search.fill("");
  await expect(count).toHaveText(`Showing 1–50 of ${COUNT}`);

  // J and K go through every annotation in the text, whatever page the list is on: K from the first wraps to the last.
  await page.locator(".wb-text").focus();
  await page.keyboard.press("j");
  await expect(panel.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await page.keyboard.press("k");
  await expect(panel.getByRole("heading", { level: 2, name: `C${COUNT} Claim` })).toBeVisible();
  await expect.poll(() => isDrawnAs(page, created.at(-1)!.id, "wb-open")).toBe(true);
});
