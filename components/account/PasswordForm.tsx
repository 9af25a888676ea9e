"use client";

import { useState, type FormEvent } from "react";
import { api, fieldMessage } from "../api-client";

/** Change your own password: the current one, then the new one twice (typed twice here only; the server checks the rest). */
export function PasswordForm() {
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    setDone(null);
    const repeated = data.get("newPassword") === data.get("repeatPassword");
    setMismatch(!repeated);
    if (!repeated) return;
    setBusy(true);
    try {
      const result = await api<{ sessionsEnded: number }>("/me/password", {
        method: "POST",
        body: { currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword") },
      });
      setDone(result.sessionsEnded);
      form.reset();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const currentError = fieldMessage(error, "currentPassword");
  const newError = fieldMessage(error, "newPassword");
  const otherError = error && !currentError && !newError ? (error as Error).message : null;
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="password-heading">
      <label>
        Current password
        <input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(currentError)}
          aria-describedby={currentError ? "current-password-error" : undefined}
        />
      </label>
      {currentError && (
        <p id="current-password-error" className="field-error" role="alert">
          Current password {currentError}
        </p>
      )}
      <label>
        New password (at least 10 characters)
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={200}
          required
          aria-invalid={Boolean(newError)}
          aria-describedby={newError ? "new-password-error" : undefined}
        />
      </label>
      {newError && (
        <p id="new-password-error" className="field-error" role="alert">
          New password {newError}
        </p>
      )}
      <label>
        New password again
        <input
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch}
          aria-describedby={mismatch ? "repeat-password-error" : undefined}
        />
      </label>
      {mismatch && (
        <p id="repeat-password-error" className="field-error" role="alert">
          The two new passwords differ: type the same new password in both fields.
        </p>
      )}
      {otherError && (
        <p className="form-error" role="alert">
          {otherError}
        </p>
      )}
      {done !== null && (
        <p className="form-ok" role="status">
          Your password is changed.{" "}
          {done === 0
            ? "You were signed in nowhere else."
            : `You were signed out of ${done === 1 ? "1 other session" : `${done} other sessions`}; this one stays signed in.`}
        </p>
      )}
      <p>
        <button className="button primary" type="submit" disabled={busy}>
          Change password
        </button>
      </p>
    </form>
  );
}
