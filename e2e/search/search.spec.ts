import { expect, test } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import { createArticle, createClaim, panelOf, signedIn } from "../support/workbench";

/**
 * #18: search across every article. Two claims share a made-up word in their notes; the search
 * finds both with the word marked, the verdict facet narrows to one, and its result opens the
 * workbench at that claim.
 */
const editor = demoAccount("EDITOR");

test("search a word, filter by a facet, follow a result into the workbench", async ({ browser }) => {
  const page = await signedIn(browser, editor);
  // Letters only, so the word is one token on both databases.
  const word = `zorb${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 8)}`;
  const article = await createArticle(page.request, `Search check ${word}`);
  const falseClaim = await createClaim(page.request, article, "persuade China not to supply arms", {
    verdict: "FALSE",
    speaker: "Jake Sullivan",
    note: `Compare with the ${word} briefing`,
  });
  await createClaim(page.request, article, "high-level meeting in Rome", {
    verdict: "TRUE",
    note: `Also in the ${word} briefing`,
  });

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Words" }).fill(word);
  await page.getByRole("button", { name: "Search" }).click();

  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}`));
  await expect(page.getByTestId("search-count")).toHaveText(/^2 annotations match, 1 article\./);
  await expect(page.getByTestId("search-result")).toHaveCount(2);
  await expect(page.getByTestId("search-result").first().locator("mark")).toHaveText(word);
  await expect(page.getByTestId("search-articles")).toContainText(`Search check ${word}`);

  // The verdict facet counts each verdict among the matches; choosing one keeps the words.
  const falseFacet = page.getByTestId("facet-verdict-FALSE");
  await expect(falseFacet).toHaveText("False (1)");
  await falseFacet.click();
  await expect(page).toHaveURL(/verdict=FALSE/);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByTestId("facet-verdict-FALSE")).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("search-count")).toHaveText(/^1 annotation match/);
  const result = page.getByTestId("search-result");
  await expect(result).toHaveCount(1);
  await expect(result).toContainText("Jake Sullivan");
  await expect(result).toContainText(`in Search check ${word}`);

  await result.getByRole("link", { name: /^Claim C1/ }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}#annotation-${falseClaim.id}$`));
  await expect(panelOf(page)).toBeVisible();
  await expect(panelOf(page)).toContainText("persuade China not to supply arms");
  await page.context().close();
});
