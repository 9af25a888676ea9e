"use client";

import { useState, type FormEvent } from "react";
import type { TokenView } from "@/lib/views/token-view";
import { api, fieldMessage } from "../api-client";
import { TableScroll } from "@/components/TableScroll";

export function TokenManager({ initialTokens }: { initialTokens: TokenView[] }) {
  const [tokens, setTokens] = useState(initialTokens);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError(null);
    try {
      const token = await api<TokenView & { token: string }>("/tokens", {
        method: "POST",
        body: { name: new FormData(form).get("name") },
      });
      setCreated({ name: token.name, token: token.token });
      setTokens([token, ...tokens]);
      form.reset();
    } catch (failure) {
      setError(failure);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      const revoked = await api<TokenView>(`/tokens/${id}`, { method: "DELETE" });
      setTokens(tokens.map((token) => (token.id === id ? revoked : token)));
    } catch (failure) {
      setError(failure);
    }
  }

  const nameError = fieldMessage(error, "name");
  return (
    <div className="stack">
      <form className="card form inline" onSubmit={create}>
        <label>
          Token name
          <input
            name="name"
            placeholder="e.g. newsroom CMS import"
            maxLength={80}
            required
            aria-invalid={Boolean(nameError)}
          />
        </label>
        <button className="button primary" type="submit">
          Create token
        </button>
        {nameError && (
          <p className="form-error" role="alert">
            Name: {nameError}
          </p>
        )}
      </form>
      {error && !nameError ? (
        <p className="form-error" role="alert">
          {(error as Error).message}
        </p>
      ) : null}
      {created && (
        <div className="card notice" role="status">
          <p>
            Your new token <strong>{created.name}</strong>. Copy it now: it will not be shown again.
          </p>
          <code data-testid="new-token" className="token">
            {created.token}
          </code>
          <button type="button" className="button small" onClick={() => navigator.clipboard?.writeText(created.token)}>
            Copy token
          </button>
          <p className="muted">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </div>
      )}
      <TableScroll label="Your API tokens">
        <table className="table">
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No tokens yet.
                </td>
              </tr>
            )}
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{new Date(token.createdAt).toLocaleString()}</td>
                <td>{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString() : "never"}</td>
                <td>
                  {token.revokedAt ? (
                    <span className="muted">revoked</span>
                  ) : (
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => revoke(token.id)}
                      aria-label={`Revoke token ${token.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
