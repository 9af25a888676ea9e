import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount, signInViaApi, uniqueEmail } from "../support/accounts";

const WRONG_CREDENTIALS = "That email and password do not match an active account.";
const DUPLICATE_EMAIL = "a user with this email already exists";

type NewUser = { name: string; email: string; role: "Admin" | "Editor" | "Reviewer"; password: string };

const newUser = (label: string, role: NewUser["role"]): NewUser => ({
  name: `${role} ${label} ${Math.random().toString(36).slice(2, 6)}`,
  email: uniqueEmail(label),
  role,
  password: "correct horse battery staple",
});

async function openUsersAsAdmin(page: Page): Promise<Locator> {
  const admin = demoAccount("ADMIN");
  await signInViaApi(page.request, admin.email, admin.password);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  return page.getByRole("form", { name: "Add a user" });
}

/** Fills and submits the form; resolves with the status of the POST it made. */
async function submitUser(page: Page, form: Locator, user: NewUser): Promise<number> {
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Role").selectOption({ label: user.role });
  await form.getByLabel("Initial password").fill(user.password);
  const posted = page.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/v1/users" && response.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Add user" }).click();
  return (await posted).status();
}

async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const userRow = (page: Page, email: string) =>
  page.getByRole("row").filter({ has: page.getByRole("cell", { name: email, exact: true }) });

test("an admin adds a reviewer, who can sign in but not manage users", async ({ page, browser }) => {
  const form = await openUsersAsAdmin(page);
  const reviewer = newUser("reviewer", "Reviewer");
  expect(await submitUser(page, form, reviewer)).toBe(201);

  await expect(form.getByRole("status")).toHaveText(
    `${reviewer.name} (${reviewer.email}) can now sign in as reviewer.`,
  );
  const row = userRow(page, reviewer.email);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(reviewer.name);
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\s*active\b/);
  await expect(row.getByRole("button", { name: `Deactivate ${reviewer.email}` })).toBeVisible();
  await expect(page.getByLabel(`Role of ${reviewer.email}`)).toHaveValue("REVIEWER");

  const reviewerContext = await browser.newContext();
  try {
    const reviewerPage = await reviewerContext.newPage();
    await signInThroughForm(reviewerPage, reviewer.email, reviewer.password);
    await expect(reviewerPage).toHaveURL((url) => url.pathname === "/");
    const currentUser = reviewerPage.getByTestId("current-user");
    await expect(currentUser).toContainText(reviewer.name);
    await expect(currentUser.getByText("Reviewer", { exact: true })).toBeVisible();

    const nav = reviewerPage.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Account" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

    await reviewerPage.goto("/admin/users");
    const refusal = "Only admins manage users. Ask an admin if you need an account added or changed.";
    await expect(reviewerPage.getByRole("alert").filter({ hasText: refusal })).toHaveText(refusal);
    await expect(reviewerPage.getByRole("form", { name: "Add a user" })).toHaveCount(0);
  } finally {
    await reviewerContext.close();
  }
});

test("a duplicate email is refused on the Email field, whatever its case", async ({ page }) => {
  const form = await openUsersAsAdmin(page);
  const first = newUser("duplicate", "Editor");
  expect(await submitUser(page, form, first)).toBe(201);
  await expect(form.getByRole("status")).toContainText(first.email);

  const emailField = form.getByLabel("Email");
  expect(await submitUser(page, form, { ...newUser("duplicate-again", "Editor"), email: first.email })).toBe(422);
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(DUPLICATE_EMAIL)).toBeVisible();
  await expect(form.getByRole("status")).toHaveCount(0);

  expect(
    await submitUser(page, form, { ...newUser("duplicate-upper", "Reviewer"), email: first.email.toUpperCase() }),
  ).toBe(422);
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(DUPLICATE_EMAIL)).toBeVisible();
  await expect(form.getByRole("status")).toHaveCount(0);

  await page.reload();
  await expect(userRow(page, first.email)).toHaveCount(1);
  await expect(page.getByRole("cell", { name: first.email.toUpperCase(), exact: true })).toHaveCount(0);
});

test("an admin changes a user's role, then deactivates them: each ends their session, and they cannot sign in", async ({
  page,
  browser,
}) => {
  const form = await openUsersAsAdmin(page);
  const user = newUser("demoted", "Editor");
  expect(await submitUser(page, form, user)).toBe(201);
  await expect(form.getByRole("status")).toContainText(user.email);

  const userContext = await browser.newContext();
  try {
    await signInViaApi(userContext.request, user.email, user.password);
    const me = await userContext.request.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email, role: "EDITOR" });

    const roleSelect = page.getByLabel(`Role of ${user.email}`);
    const patched = page.waitForResponse(
      (response) => response.url().includes("/api/v1/users/") && response.request().method() === "PATCH",
    );
    await roleSelect.selectOption({ label: "Reviewer" });
    expect((await patched).status()).toBe(200);
    await expect(roleSelect).toHaveValue("REVIEWER");
    // A role change ends the sessions they had; signed in again, they act as a reviewer.
    expect((await userContext.request.get("/api/v1/me")).status()).toBe(401);
    await signInViaApi(userContext.request, user.email, user.password);
    expect(await (await userContext.request.get("/api/v1/me")).json()).toMatchObject({
      email: user.email,
      role: "REVIEWER",
    });

    const deactivated = page.waitForResponse(
      (response) => response.url().includes("/api/v1/users/") && response.request().method() === "PATCH",
    );
    await page.getByRole("button", { name: `Deactivate ${user.email}` }).click();
    expect((await deactivated).status()).toBe(200);
    const row = userRow(page, user.email);
    await expect(row.getByRole("cell").nth(3)).toHaveText(/^\s*deactivated\b/);
    await expect(page.getByRole("button", { name: `Reactivate ${user.email}` })).toBeVisible();

    await page.reload();
    await expect(userRow(page, user.email).getByRole("cell").nth(3)).toHaveText(/^\s*deactivated\b/);
    await expect(page.getByLabel(`Role of ${user.email}`)).toHaveValue("REVIEWER");

    // The session they already had no longer counts.
    const after = await userContext.request.get("/api/v1/me");
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

    // Nor can they sign in again.
    const userPage = await userContext.newPage();
    await signInThroughForm(userPage, user.email, user.password);
    await expect(userPage.getByRole("alert").filter({ hasText: WRONG_CREDENTIALS })).toHaveText(WRONG_CREDENTIALS);
    await expect(userPage).toHaveURL((url) => url.pathname === "/signin");
    await expect(userPage.getByTestId("current-user")).toHaveCount(0);
  } finally {
    await userContext.close();
  }
});
