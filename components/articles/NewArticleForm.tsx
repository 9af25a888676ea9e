"use client";

import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { api, ApiError, fieldMessage } from "../api-client";
import { ArticleBodyInput, type BodyFormat } from "./ArticleBodyInput";

type Details = { sourceUrl: string; publisher: string; author: string; publishedAt: string };
type Fetched = Details & { title: string; html: string; characters: number };
const NO_DETAILS: Details = { sourceUrl: "", publisher: "", author: "", publishedAt: "" };

/**
 * Fetch a page by its address, paste text or HTML, or upload a .txt/.html
 * file; the server sanitizes HTML down to text and structure. A fetched page
 * only fills the form: the editor checks it, then imports.
 */
export function NewArticleForm() {
  const router = useRouter();
  const [format, setFormat] = useState<BodyFormat>("text");
  const [body, setBody] = useState("");
  const [title, setTitle] = useState("");
  const [details, setDetails] = useState<Details>(NO_DETAILS);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [address, setAddress] = useState("");
  const [fetching, setFetching] = useState(false);
  const [fetchError, setFetchError] = useState<unknown>(null);
  const [fetchedNote, setFetchedNote] = useState("");

  async function fetchFromAddress() {
    if (fetching) return;
    setFetching(true);
    setFetchError(null);
    setFetchedNote("");
    try {
      const page = await api<Fetched>("/articles/fetch", { method: "POST", body: { url: address } });
      // What the editor already typed is not overwritten without asking.
      if (
        body.trim() &&
        body !== page.html &&
        !window.confirm("Replace the article body you have with the fetched one?")
      )
        return;
      setTitle(page.title);
      setDetails({
        sourceUrl: page.sourceUrl,
        publisher: page.publisher ?? "",
        author: page.author ?? "",
        publishedAt: page.publishedAt ?? "",
      });
      setFormat("html");
      setBody(page.html);
      setFetchedNote(
        `Fetched ${page.characters.toLocaleString("en")} characters from ${new URL(page.sourceUrl).host}. Check the title, details and text below, then import.`,
      );
    } catch (failure) {
      setFetchError(failure);
    } finally {
      setFetching(false);
    }
  }

  const detail = (name: keyof Details) => ({
    value: details[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setDetails((current) => ({ ...current, [name]: event.target.value })),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const optional = (name: keyof Details) => details[name].trim() || undefined;
    setBusy(true);
    setError(null);
    try {
      const article = await api<{ id: string }>("/articles", {
        method: "POST",
        body: {
          title,
          [format]: body,
          sourceUrl: optional("sourceUrl"),
          publisher: optional("publisher"),
          author: optional("author"),
          publishedAt: optional("publishedAt"),
        },
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
        <label htmlFor="address">Fetch from a web address</label>
        <div className="fetch-row">
          <input
            id="address"
            type="url"
            value={address}
            placeholder="https://news.example/2026/03/story"
            onChange={(event) => setAddress(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                void fetchFromAddress();
              }
            }}
            aria-invalid={Boolean(fieldMessage(fetchError, "url"))}
            aria-describedby={fieldMessage(fetchError, "url") ? "url-error" : "address-hint"}
          />
          <button
            type="button"
            className="button"
            onClick={() => void fetchFromAddress()}
            disabled={fetching || !address.trim()}
          >
            {fetching ? "Fetching…" : "Fetch"}
          </button>
        </div>
        {fieldMessage(fetchError, "url") ? (
          <FieldError path="url" error={fetchError} />
        ) : fetchError ? (
          <span id="url-error" className="field-error" role="alert">
            {fetchError instanceof ApiError ? fetchError.message : "Could not reach the server; try again."}
          </span>
        ) : (
          <span id="address-hint" className="muted field-hint">
            The article is read from the page (menus, adverts and related links left out) and fills in the form below;
            nothing is stored until you import it.
          </span>
        )}
        <p role="status" className="form-ok">
          {fetchedNote}
        </p>
      </div>
      <div className="field">
        <label htmlFor="title">Title</label>
        <input
          id="title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          required
          maxLength={300}
          aria-invalid={Boolean(message("title"))}
          aria-describedby={describe("title")}
        />
        <FieldError path="title" error={error} />
      </div>
      <div className="form grid">
        <div className="field">
          <label htmlFor="sourceUrl">Source URL</label>
          <input
            id="sourceUrl"
            name="sourceUrl"
            type="text"
            inputMode="url"
            placeholder="https://…"
            {...detail("sourceUrl")}
            aria-invalid={Boolean(message("sourceUrl"))}
            aria-describedby={describe("sourceUrl")}
          />
          <FieldError path="sourceUrl" error={error} />
        </div>
        <div className="field">
          <label htmlFor="publisher">Publisher</label>
          <input id="publisher" name="publisher" maxLength={200} {...detail("publisher")} />
        </div>
        <div className="field">
          <label htmlFor="author">Author</label>
          <input id="author" name="author" maxLength={200} {...detail("author")} />
        </div>
        <div className="field">
          <label htmlFor="publishedAt">Published</label>
          <input
            id="publishedAt"
            name="publishedAt"
            type="date"
            {...detail("publishedAt")}
            aria-invalid={Boolean(message("publishedAt"))}
            aria-describedby={describe("publishedAt")}
          />
          <FieldError path="publishedAt" error={error} />
        </div>
      </div>
      <ArticleBodyInput
        id="body"
        legend="The article's body"
        format={format}
        onFormat={setFormat}
        body={body}
        onBody={setBody}
        onFile={(name) => setTitle((current) => current || name.replace(/\.[^.]+$/, ""))}
        error={error}
        rows={16}
      />
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
