import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoAccount, uniqueEmail } from "../support/accounts";

const WRONG_CREDENTIALS = "That email and password do not match an active account.";

async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Next.js adds its own (empty) role=alert route announcer, so alerts are picked by their text. */
const alertWith = (page: Page, text: string) => page.getByRole("alert").filter({ hasText: text });

/** A private address for one test's sign-in attempts, so the per-address limit never hits 127.0.0.1. */
const randomPrivateIp = () => `10.${Array.from({ length: 3 }, () => Math.floor(Math.random() * 254) + 1).join(".")}`;

async function postCredentials(request: APIRequestContext, email: string, password: string, ip: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": ip },
  });
}

test("an editor signs in through the form, stays signed in across a reload, and signs out", async ({ page }) => {
  const editor = demoAccount("EDITOR");
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Factmark" })).toBeVisible();
  await signInThroughForm(page, editor.email, editor.password);

  await expect(page).toHaveURL((url) => url.pathname === "/");
  const currentUser = page.getByTestId("current-user");
  await expect(currentUser).toContainText(editor.name);
  await expect(currentUser).toContainText("Editor");

  await page.reload();
  await expect(currentUser).toContainText(editor.name);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(currentUser).toHaveCount(0);

  await page.goto("/account");
  await expect(page).toHaveURL(
    (url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/account",
  );
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("a wrong password and an unknown email get the same message, and nobody is signed in", async ({ page }) => {
  const editor = demoAccount("EDITOR");
  await page.goto("/signin");

  await signInThroughForm(page, editor.email, `${editor.password}-wrong`);
  await expect(alertWith(page, WRONG_CREDENTIALS)).toHaveText(WRONG_CREDENTIALS);

  await signInThroughForm(page, uniqueEmail("nobody"), "some password that fits");
  await expect(alertWith(page, WRONG_CREDENTIALS)).toHaveText(WRONG_CREDENTIALS);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();

  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("a signed-out visit to /account goes through sign-in and comes back to /account", async ({ page }) => {
  const editor = demoAccount("EDITOR");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);

  await signInThroughForm(page, editor.email, editor.password);
  await expect(page).toHaveURL((url) => url.pathname === "/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText(editor.name);
});

test("after 10 failed sign-ins for an email, the API answers 429 with Retry-After and the form says to wait", async ({
  page,
  request,
}) => {
  // Not a real account, and its own forged client address: no other test is throttled by this one.
  const email = uniqueEmail("throttled");
  const ip = randomPrivateIp();
  for (let attempt = 1; attempt <= 10; attempt++) {
    const response = await postCredentials(request, email, `wrong password ${attempt}`, ip);
    expect(response.status(), `attempt ${attempt}`).toBe(401);
    expect(new URL((await response.json()).url).searchParams.get("error")).toBe("CredentialsSignin");
  }

  const limited = await postCredentials(request, email, "wrong password 11", ip);
  expect(limited.status()).toBe(429);
  const retryAfter = Number(limited.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(900);
  expect(await limited.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });

  await page.route("**/api/auth/callback/credentials", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": ip } }),
  );
  await page.goto("/signin");
  await signInThroughForm(page, email, "wrong password 12");
  const message = "Too many failed sign-ins. Try again in 15 minutes.";
  await expect(alertWith(page, message)).toHaveText(message);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("a callbackUrl that browsers read as another site (/\\host, /<TAB>/host) ends on this origin, signing in or signed in", async ({
  page,
  baseURL,
}) => {
  const editor = demoAccount("EDITOR");
  const origin = new URL(baseURL!).origin;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\\evil.example")}`);
  await signInThroughForm(page, editor.email, editor.password);
  await expect(page.getByTestId("current-user")).toContainText(editor.name);
  expect(new URL(page.url()).origin).toBe(origin);
  expect(new URL(page.url()).pathname).toBe("/");

  // Already signed in, the sign-in page sends you on at once: to the same place.
  for (const callbackUrl of ["/\t/evil.example", "/\\evil.example", "//evil.example", "/.//evil.example"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await expect(page.getByTestId("current-user")).toContainText(editor.name);
    expect(new URL(page.url()).origin, JSON.stringify(callbackUrl)).toBe(origin);
  }
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
  await expect(page).toHaveURL((url) => url.origin === origin && url.pathname === "/account");
});

test("signing out ends the session on the server: a copy of its cookie no longer works", async ({
  page,
  browser,
  baseURL,
}) => {
  const editor = demoAccount("EDITOR");
  await page.goto("/signin");
  await signInThroughForm(page, editor.email, editor.password);
  await expect(page.getByTestId("current-user")).toContainText(editor.name);
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const thief = await browser.newContext({ baseURL });
  try {
    await thief.addCookies(copied);
    expect((await thief.request.get("/api/v1/me")).status()).toBe(401);
    const stolen = await thief.newPage();
    await stolen.goto("/account");
    await expect(stolen).toHaveURL(
      (url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/account",
    );
  } finally {
    await thief.close();
  }
});
