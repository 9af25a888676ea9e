"use client";

import { useState, type FormEvent } from "react";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

type Props = { callbackUrl: string; initialError?: string };

/**
 * Posts to next-auth's credentials callback directly (not through signIn())
 * so a 429 from the rate limit can say when to try again.
 */
export function SignInForm({ callbackUrl, initialError }: Props) {
  const [error, setError] = useState(initialError ?? "");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError("");
    const form = new FormData(event.currentTarget);
    try {
      const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          csrfToken,
          callbackUrl,
          json: "true",
        }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.status === 429) {
        const minutes = Math.ceil(Number(response.headers.get("Retry-After") ?? 900) / 60);
        setError(`Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
      } else if (!response.ok || !body.url || new URL(body.url, location.href).searchParams.get("error")) {
        setError("That email and password do not match an active account.");
      } else {
        location.assign(safeReturnPath(callbackUrl, location.origin));
        return;
      }
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setBusy(false);
  }

  return (
    <form className="card form" onSubmit={submit} aria-describedby={error ? "signin-error" : undefined}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p id="signin-error" className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
