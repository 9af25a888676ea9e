import { expect, test } from "@playwright/test";
import { demoAccount, signInViaApi, uniqueEmail } from "../support/accounts";

// A user changes their password on /account: this browser stays signed in, the other one is signed out.
test("changing the password on /account signs out the other browser and keeps this one", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  // A user of this test's own: the demo accounts' passwords are used by every other spec.
  const admin = await playwright.request.newContext({ baseURL });
  const email = uniqueEmail("password");
  const password = "first password 123";
  try {
    const adminAccount = demoAccount("ADMIN");
    await signInViaApi(admin, adminAccount.email, adminAccount.password);
    const created = await admin.post("/api/v1/users", {
      headers: { Origin: baseURL! },
      data: { email, name: "Pat Password", role: "EDITOR", password },
    });
    expect(created.status()).toBe(201);
  } finally {
    await admin.dispose();
  }
  const other = await browser.newContext();
  try {
    await signInViaApi(other.request, email, password);
    await signInViaApi(page.request, email, password);
    await page.goto("/account");

    const current = page.getByLabel("Current password");
    await current.fill("not the password");
    await page.getByLabel("New password (at least 10 characters)").fill("second password 456");
    await page.getByLabel("New password again").fill("second password 456");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("#current-password-error")).toHaveText(/^Current password is not your current password/);
    await expect(current).toHaveAttribute("aria-invalid", "true");

    await current.fill(password);
    await page.getByLabel("New password (at least 10 characters)").fill("second password 456");
    await page.getByLabel("New password again").fill("second password 456");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password is changed" })).toContainText(
      "signed out of 1 other session",
    );

    expect((await other.request.get("/api/v1/me")).status()).toBe(401);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  } finally {
    await other.close();
  }
});
