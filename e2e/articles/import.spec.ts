import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { NEWS_PAGE, NEWS_PAGE_TEXT } from "../../lib/import/fixtures/news-page";
import { demoAccount, signInViaApi } from "../support/accounts";
import { newsSite } from "../support/news-site";

/** The story's parts that are its body: the headline is the article's title, not part of its text. */
const bodyParts = Object.values(NEWS_PAGE_TEXT).filter((part) => part !== NEWS_PAGE_TEXT.headline);

const seed = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8");

test.beforeEach(async ({ page }) => {
  const editor = demoAccount("EDITOR");
  await signInViaApi(page.request, editor.email, editor.password);
});

test("an editor pastes the seed article as text; it is stored character for character and listed", async ({ page }) => {
  const title = `Seed ${Date.now()}`;
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Publisher").fill("The Guardian");
  await page.getByLabel("Text", { exact: true }).fill(seed);
  await page.getByRole("button", { name: "Import article" }).click();
  await page.waitForURL((url) => /\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
  const id = page.url().split("/").pop()!;

  const stored = await (await page.request.get(`/api/v1/articles/${id}`)).json();
  expect(stored.revision.text).toBe(seed.replace(/\r\n?/g, "\n"));

  await page.goto(`/articles?q=${encodeURIComponent(title.toUpperCase())}`);
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText("Draft");
});

test("an uploaded HTML page is previewed, then reduced to text and structure: no script survives", async ({ page }) => {
  await page.goto("/articles/new");
  await page.getByLabel("Or upload a .txt or .html file").setInputFiles({
    name: "story.html",
    mimeType: "text/html",
    buffer: Buffer.from(
      `<html><body><nav>Menu</nav><article><h1>Mayor’s claim</h1><p onclick="steal()">The mayor said “crime fell”.</p><script>alert("x")</script><img src="https://tracker.example/p.gif" width="1" height="1"></article></body></html>`,
    ),
  });
  // A whole page: the server reads it as the import will, and the editor checks the blocks; its headline replaces the file's name.
  const preview = page.getByRole("group", { name: "The article as it will be imported" });
  await expect(preview.getByRole("checkbox", { name: "Keep: The mayor said “crime fell”." })).toBeChecked();
  await expect(page.getByLabel("Title")).toHaveValue("Mayor’s claim");
  await page.getByRole("button", { name: "Import article" }).click();
  await page.waitForURL((url) => /\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
  const stored = await (await page.request.get(`/api/v1/articles/${page.url().split("/").pop()}`)).json();
  expect(stored.title).toBe("Mayor’s claim");
  // A whole page goes through main-content extraction: its headline is the title, not part of the body (decision 026).
  expect(stored.revision.text).toBe("The mayor said “crime fell”.");
  expect(stored.revision.blocks.map((block: { type: string }) => block.type)).toEqual(["paragraph"]);
});

test("bad input names the field and keeps what was typed", async ({ page }) => {
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Bad source");
  await page.getByLabel("Source URL").evaluate((input: HTMLInputElement) => (input.type = "text"));
  await page.getByLabel("Source URL").fill("javascript:alert(1)");
  await page.getByLabel("Text", { exact: true }).fill("Some text worth keeping.");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.locator("#sourceUrl-error")).toHaveText(
    "must be a web address starting with http:// or https://, such as https://www.example.com/story",
  );
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue("Some text worth keeping.");
  await expect(page).toHaveURL(/\/articles\/new$/);
});

test("an editor fetches an article by its web address, checks the filled-in form, and imports it", async ({ page }) => {
  const { base, close } = await newsSite({ "/news/harbour-toll": NEWS_PAGE });
  try {
    await page.goto("/articles/new");
    const address = page.getByLabel("Fetch from a web address");
    await address.fill(`${base}/news/missing`);
    await page.getByRole("button", { name: "Fetch", exact: true }).click();
    await expect(page.locator("#url-error")).toContainText("answered 404");
    await expect(address).toHaveAttribute("aria-invalid", "true");

    await address.fill(`${base}/news/harbour-toll`);
    await address.press("Enter");
    await expect(page.getByText("Check the title, details and blocks below, then import.")).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue(NEWS_PAGE_TEXT.headline);
    await expect(page.getByLabel("Source URL")).toHaveValue(`${base}/news/2026/03/harbour-toll-congestion`);
    await expect(page.getByLabel("Publisher")).toHaveValue("The Harbour Gazette");
    await expect(page.getByLabel("Author")).toHaveValue("Priya Natarajan, Tom Okafor");
    await expect(page.getByLabel("Published")).toHaveValue("2026-03-10");
    const preview = page.getByRole("group", { name: "The article as it will be imported" });
    await expect(preview.getByRole("checkbox", { name: `Keep: ${NEWS_PAGE_TEXT.quote}` })).toBeChecked();
    const kept = await preview.locator(".preview-block:not(.is-left-out) label").allTextContents();
    expect(kept.join(" ")).not.toMatch(/Ferry fares|cookies|dataLayer/);

    // The editor corrects the title before importing.
    await page.getByLabel("Title").fill("Harbour toll: council's congestion claim");
    await page.getByRole("button", { name: "Import article" }).click();
    await page.waitForURL((url) => /\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
    const stored = await (await page.request.get(`/api/v1/articles/${page.url().split("/").pop()}`)).json();
    expect(stored).toMatchObject({
      title: "Harbour toll: council's congestion claim",
      publisher: "The Harbour Gazette",
      author: "Priya Natarajan, Tom Okafor",
    });
    for (const part of bodyParts) expect(stored.revision.text).toContain(part);
    await expect(page.getByText(NEWS_PAGE_TEXT.quote)).toBeVisible();
  } finally {
    close();
  }
});
