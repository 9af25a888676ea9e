import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { demoAccount, signInViaApi } from "../support/accounts";

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

test("an uploaded HTML file is reduced to text and structure: no script survives", async ({ page }) => {
  await page.goto("/articles/new");
  await page.getByLabel("Or upload a .txt or .html file").setInputFiles({
    name: "story.html",
    mimeType: "text/html",
    buffer: Buffer.from(`<html><body><nav>Menu</nav><article><h1>Mayor’s claim</h1><p onclick="steal()">The mayor said “crime fell”.</p><script>alert("x")</script><img src="https://tracker.example/p.gif" width="1" height="1"></article></body></html>`),
  });
  await expect(page.getByLabel("HTML (reduced to text, paragraphs and headings)")).toBeChecked();
  await expect(page.getByLabel("Title")).toHaveValue("story");
  await page.getByRole("button", { name: "Import article" }).click();
  await page.waitForURL((url) => /\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
  const stored = await (await page.request.get(`/api/v1/articles/${page.url().split("/").pop()}`)).json();
  expect(stored.revision.text).toBe("Mayor’s claim\n\nThe mayor said “crime fell”.");
  expect(stored.revision.blocks.map((block: { type: string }) => block.type)).toEqual(["heading", "paragraph"]);
});

test("bad input names the field and keeps what was typed", async ({ page }) => {
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Bad source");
  await page.getByLabel("Source URL").evaluate((input: HTMLInputElement) => (input.type = "text"));
  await page.getByLabel("Source URL").fill("javascript:alert(1)");
  await page.getByLabel("Text", { exact: true }).fill("Some text worth keeping.");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.locator("#sourceUrl-error")).toHaveText("must be an http(s) URL");
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue("Some text worth keeping.");
  await expect(page).toHaveURL(/\/articles\/new$/);
});
