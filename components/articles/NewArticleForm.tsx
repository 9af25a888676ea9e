"use client";

import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { api, ApiError, fieldMessage } from "../api-client";

type Format = "text" | "html";

/** Paste text or HTML, or upload a .txt/.html file; the server sanitizes HTML down to text and structure. */
export function NewArticleForm() {
  const router = useRouter();
  const [format, setFormat] = useState<Format>("text");
  const [body, setBody] = useState("");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFormat(/\.html?$/i.test(file.name) || file.type === "text/html" ? "html" : "text");
    setBody(await file.text());
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, ""));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const optional = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    setBusy(true);
    setError(null);
    try {
      const article = await api<{ id: string }>("/articles", {
        method: "POST",
        body: { title, [format]: body, sourceUrl: optional("sourceUrl"), publisher: optional("publisher"), author: optional("author"), publishedAt: optional("publishedAt") },
      });
      router.push(`/articles/${article.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const message = (path: string) => fieldMessage(error, path);
  const describe = (path: string) => (message(path) ? `${path}-error` : undefined);

  return (
    <form className="card form" onSubmit={submit} aria-label="Import an article">
      <div className="field">
        <label htmlFor="title">Title</label>
        <input id="title" value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={300} aria-invalid={Boolean(message("title"))} aria-describedby={describe("title")} />
        <FieldError path="title" error={error} />
      </div>
      <div className="form grid">
        <div className="field">
          <label htmlFor="sourceUrl">Source URL</label>
          <input id="sourceUrl" name="sourceUrl" type="url" placeholder="https://…" aria-invalid={Boolean(message("sourceUrl"))} aria-describedby={describe("sourceUrl")} />
          <FieldError path="sourceUrl" error={error} />
        </div>
        <div className="field">
          <label htmlFor="publisher">Publisher</label>
          <input id="publisher" name="publisher" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="author">Author</label>
          <input id="author" name="author" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="publishedAt">Published</label>
          <input id="publishedAt" name="publishedAt" type="date" aria-invalid={Boolean(message("publishedAt"))} aria-describedby={describe("publishedAt")} />
          <FieldError path="publishedAt" error={error} />
        </div>
      </div>
      <fieldset className="format">
        <legend>The article&apos;s body</legend>
        <label>
          <input type="radio" name="format" checked={format === "text"} onChange={() => setFormat("text")} /> Plain text (kept exactly as pasted)
        </label>
        <label>
          <input type="radio" name="format" checked={format === "html"} onChange={() => setFormat("html")} /> HTML (reduced to text, paragraphs and headings)
        </label>
        <label className="upload">
          Or upload a .txt or .html file
          <input type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={upload} />
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="body">{format === "html" ? "HTML" : "Text"}</label>
        <textarea id="body" rows={16} value={body} onChange={(event) => setBody(event.target.value)} required aria-invalid={Boolean(message(format))} aria-describedby={describe(format)} />
        <FieldError path={format} error={error} />
      </div>
      {error instanceof ApiError && error.fields.length === 0 ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : error && !(error instanceof ApiError) ? (
        <p className="form-error" role="alert">
          Could not reach the server. Your text is still here; try again.
        </p>
      ) : null}
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? "Importing…" : "Import article"}
      </button>
    </form>
  );
}

function FieldError({ path, error }: { path: string; error: unknown }) {
  const message = fieldMessage(error, path);
  return message ? (
    <span id={`${path}-error`} className="field-error">
      {message}
    </span>
  ) : null;
}
