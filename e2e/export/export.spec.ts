import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { htmlProblems } from "../../lib/export/test-helpers";
import { baseURL } from "../../playwright.config";
import { demoAccount, signInViaApi } from "../support/accounts";

const TEXT =
  "The mayor said crime fell by half last year. Police data show a fall of 12 percent.\n\nCritics say the figures are cherry-picked.";

test("export the annotated article from the workbench and read it offline, without JavaScript, on screen and in print", async ({
  page,
  browser,
}) => {
  const editor = demoAccount("EDITOR");
  await signInViaApi(page.request, editor.email, editor.password);
  const headers = { Origin: baseURL };
  const article = await (
    await page.request.post("/api/v1/articles", {
      headers,
      data: { title: "Crime <b>figures</b>", text: TEXT, sourceUrl: "https://news.example/crime" },
    })
  ).json();
  const claimStart = TEXT.indexOf("crime fell by half");
  await page.request.post(`/api/v1/articles/${article.id}/annotations`, {
    headers,
    data: {
      kind: "CLAIM",
      start: claimStart,
      end: claimStart + "crime fell by half last year".length,
      speaker: "The mayor <script>alert(1)</script>",
      verdict: "FALSE",
      rationale: "Police data show 12 percent.",
      sources: [{ url: "https://police.example/data", title: "Police data" }],
    },
  });
  await page.request.post(`/api/v1/articles/${article.id}/annotations`, {
    headers,
    data: { kind: "ANALYSIS", start: 0, end: TEXT.indexOf("\n"), note: "Both figures are for the whole city." },
  });

  await page.goto(`/articles/${article.id}`);
  await page.getByText("Export", { exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Annotated HTML" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("crime-b-figures-b.html");
  const file = path.resolve("test-results", `export-${article.id}.html`);
  await download.saveAs(file);
  expect(await htmlProblems(fs.readFileSync(file, "utf8"))).toEqual([]);

  const offline = await browser.newContext({ javaScriptEnabled: false });
  const requests: string[] = [];
  await offline.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const reader = await offline.newPage();
  await reader.goto(`file://${file}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Crime <b>figures</b>");
  await expect(reader.getByText("DRAFT — not signed off").first()).toBeVisible();
  expect(await reader.locator("script:not([type='application/ld+json'])").count()).toBe(0);
  const claimMarks = reader.locator("mark[data-annotations]");
  expect(await claimMarks.count()).toBeGreaterThan(1);

  const firstRef = reader.locator("a[href^='#note-']").first();
  const target = await firstRef.getAttribute("href");
  await firstRef.click();
  await expect(reader).toHaveURL(new RegExp(`${target}$`));
  const note = reader.locator(target!);
  await expect(note).toContainText(/The mayor <script>alert\(1\)<\/script>|Both figures/);
  const back = note.locator("a[href^='#ref-']");
  await expect(back).toHaveCount(1);
  await expect(reader.locator(`a[href="https://police.example/data"]`)).toHaveAttribute("rel", "noopener noreferrer");

  await reader.emulateMedia({ media: "print" });
  fs.mkdirSync("test-results", { recursive: true });
  await reader.screenshot({ path: "test-results/export-print.png", fullPage: true });
  await expect(reader.getByText("DRAFT — not signed off").first()).toBeVisible();
  expect(requests).toEqual([]);
  await offline.close();
});
