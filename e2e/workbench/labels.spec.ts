import { expect, test } from "@playwright/test";
import { demoAccount, signInViaApi } from "../support/accounts";
import {
  createArticle,
  createClaim,
  labelOf,
  labelTextOf,
  origin,
  selectQuote,
  type Annotation,
} from "../support/workbench";

const LATER =
  "His Foreign Ministry spokesman, Zhao Lijian, said the United States was spreading “malicious disinformation”";
const EARLIER = "China on Monday reacted angrily to multiple media reports citing US officials.";

test.beforeEach(async ({ page }) => {
  const editor = demoAccount("EDITOR");
  await signInViaApi(page.request, editor.email, editor.password);
});

test("C1 stays C1 after an earlier span is tagged: the same label in the text, the panel, the index and the audit log", async ({
  page,
}) => {
  const article = await createArticle(page.request, `Fixed labels ${Date.now().toString(36)}`);
  const first = (await createClaim(page.request, article, LATER)) as Annotation & { label: string };
  expect(first.label).toBe("C1");
  await page.goto(`/articles/${article.id}`);
  const label = (id: string) => expect.poll(() => labelTextOf(page, id));
  await label(first.id).toBe("C1");

  // Tag a passage before it: the new claim is C2, and C1 keeps its name.
  await selectQuote(page, EARLIER);
  const created = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/articles/${article.id}/annotations`) && response.request().method() === "POST",
  );
  await page.keyboard.press("c");
  const second = (await (await created).json()) as Annotation & { label: string };
  expect(second.label).toBe("C2");
  const panel = page.getByRole("complementary", { name: "Annotation details" });
  await expect(panel.getByRole("heading", { level: 2, name: "C2 Claim" })).toBeVisible();
  await label(second.id).toBe("C2");
  await label(first.id).toBe("C1");
  // Both start in the same paragraph: its label lists them in text order, with words for each.
  await expect(page.locator(".wb-text p[data-label]").first()).toHaveAttribute("data-label", "C2 C1");
  expect(await labelOf(page, first.id)).toEqual({ text: "C1", spoken: "C1", status: "draft" });
  await page.keyboard.press("Escape");

  // The index, in reading order: C2 first (its passage comes first), then C1.
  const chips = page.locator(".wb-index-list .wb-chip");
  await expect(chips).toHaveText(["C2", "C1"]);
  await page.locator(".wb-index-item", { hasText: "His Foreign Ministry spokesman" }).click();
  await expect(panel.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();

  // An edit of C1 through the API: the audit log names it C1 and says what changed.
  const edited = await page.request.patch(`/api/v1/annotations/${first.id}`, {
    data: { version: first.version, verdict: "FALSE" },
    headers: origin,
  });
  expect(edited.status(), await edited.text()).toBe(200);
  await page.goto(`/articles/${article.id}/audit`);
  const log = page.locator(".audit-log");
  await expect(log).toContainText("edited claim C1 “His Foreign Ministry spokesman");
  await expect(log).toContainText("verdict: none → False");
  await expect(log).toContainText("tagged claim C2 “China on Monday reacted angrily");
  await expect(log).toContainText("tagged claim C1 “His Foreign Ministry spokesman");
  await expect(page.getByRole("combobox", { name: "Annotation" }).locator("option")).toHaveText([
    "All",
    /^claim C2 “China on Monday/,
    /^claim C1 “His Foreign/,
  ]);
});
