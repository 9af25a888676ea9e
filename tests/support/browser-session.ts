/**
 * Signs in through next-auth's credentials callback as a browser would (CSRF
 * cookie and token first) and returns the session cookie as a Cookie header,
 * so a test can keep a copy of it and replay it later.
 */
export async function signInCookie(
  baseUrl: string,
  email: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<{ cookie: string; url: string }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const csrfCookie = cookieHeader(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, json: "true", ...extra }),
    redirect: "manual",
  });
  const session = cookieHeader(response);
  if (!response.ok || !session.includes("session-token"))
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const { url } = await response.json();
  return { cookie: `${csrfCookie}; ${session}`, url };
}

/** Signs out as the browser's "Sign out" button does (POST with the CSRF token); returns the status. */
export async function signOut(baseUrl: string, cookie: string): Promise<number> {
  const { csrfToken } = await (await fetch(`${baseUrl}/api/auth/csrf`, { headers: { Cookie: cookie } })).json();
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
  });
  return response.status;
}

/** The name=value pairs a response sets, as one Cookie header (attributes dropped; cleared cookies left out). */
function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}
