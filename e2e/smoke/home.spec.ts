import { expect, test } from "@playwright/test";
import { demoAccount, signInViaApi } from "../support/accounts";

test("the home page says the app is ready on its database", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Factmark/);
  await expect(page.getByRole("heading", { level: 1, name: "Factmark" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/Ready — embedded SQLite database, fully migrated\./);
});

test("signed in, the home page is where the day starts: import, drafts, changes requested, review, recent articles", async ({
  page,
}) => {
  const reviewer = demoAccount("REVIEWER");
  await signInViaApi(page.request, reviewer.email, reviewer.password);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Import an article" })).toHaveAttribute("href", "/articles/new");
  for (const name of [
    /^Changes requested of you/,
    /^Your drafts/,
    /^Waiting for your review/,
    "Recently changed articles",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Open the review queue" })).toHaveAttribute("href", "/review");
  // The seeded article is there, and the status line stays, small, at the foot.
  await expect(page.getByRole("region", { name: "Recently changed articles" }).getByRole("link")).not.toHaveCount(0);
  await expect(page.getByRole("status")).toHaveText(/Ready — embedded SQLite database/);
});

test("the first load asks for nothing that is missing: the favicon is an SVG the CSP allows", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
  expect(refused).toEqual([]);
});

test("GET /api/health answers ok with the provider and no pending migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  // database.thread is "running" once any test has written (lib/db-thread); tests/integration/sqlite checks it.
  expect(await response.json()).toMatchObject({ status: "ok", database: { provider: "sqlite", pendingMigrations: 0 } });
});
