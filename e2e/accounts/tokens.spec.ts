import { expect, test } from "@playwright/test";
import { demoAccount, signInViaApi } from "../support/accounts";

test("an editor's API token works as a bearer token until it is revoked in the UI", async ({
  page,
  playwright,
  baseURL,
}) => {
  const editor = demoAccount("EDITOR");
  await signInViaApi(page.request, editor.email, editor.password);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  const name = `e2e script ${Date.now().toString(36)}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^\s*fm_[A-Za-z0-9_-]{43}\s*$/);
  const token = (await shown.textContent())!.trim();

  // A client with no cookies at all: only the token can authenticate it.
  const api = await playwright.request.newContext({ baseURL });
  try {
    const headers = { Authorization: `Bearer ${token}` };
    const before = await api.get("/api/v1/me", { headers });
    expect(before.status()).toBe(200);
    expect(await before.json()).toMatchObject({ email: editor.email, name: editor.name, role: "EDITOR" });

    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toHaveCount(1);
    const revoked = page.waitForResponse(
      (response) => response.url().includes("/api/v1/tokens/") && response.request().method() === "DELETE",
    );
    await page.getByRole("button", { name: `Revoke token ${name}` }).click();
    expect((await revoked).status()).toBe(200);
    await expect(row).toContainText("revoked");
    await expect(page.getByRole("button", { name: `Revoke token ${name}` })).toHaveCount(0);

    const after = await api.get("/api/v1/me", { headers });
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  } finally {
    await api.dispose();
  }
});
