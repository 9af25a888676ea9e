import { expect, test } from "@playwright/test";

test("the home page says the app is ready on its database", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Factmark/);
  await expect(page.getByRole("heading", { level: 1, name: "Factmark" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/Ready — embedded SQLite database, fully migrated\./);
});

test("GET /api/health answers ok with the provider and no pending migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  // database.thread is "running" once any test has written (lib/db-thread); tests/integration/sqlite checks it.
  expect(await response.json()).toMatchObject({ status: "ok", database: { provider: "sqlite", pendingMigrations: 0 } });
});
