import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export type DemoAccount = { email: string; name: string; role: "ADMIN" | "EDITOR" | "REVIEWER"; password: string };

/** The demo accounts the e2e server seeded (passwords are random per checkout). */
export function demoAccount(role: DemoAccount["role"]): DemoAccount {
  const accounts = JSON.parse(fs.readFileSync(path.resolve("data/demo-credentials.json"), "utf8")) as DemoAccount[];
  const account = accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo ${role} in data/demo-credentials.json`);
  return account;
}

/**
 * Signs in through next-auth's API, not the form: fast, and the session cookie
 * lands in the request context's cookie jar (shared with its pages when it is page.request).
 */
export async function signInViaApi(request: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
  });
  if (!response.ok()) throw new Error(`sign-in as ${email} failed: ${response.status()} ${await response.text()}`);
}

/** A unique email per test run, so tests never collide on data. */
export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.org`;
