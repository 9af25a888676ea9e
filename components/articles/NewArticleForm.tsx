"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from "react";
import { blocksToHtml } from "@/lib/import/content-html";
import { isWholePage } from "@/lib/import/page/whole-page";
import { api, ApiError, fieldMessage } from "../api-client";
import { ArticleBodyInput, type BodyFormat } from "./ArticleBodyInput";
import { ImportPreview, type PreviewBlock } from "./ImportPreview";

type Details = {
  sourceUrl: string;
  publisher: string;
  author: string;
  publishedAt: string;
  modifiedAt: string;
  language: string;
};
/** POST /articles/preview's answer (lib/server/article/preview-article.ts). */
type Preview = { [name in keyof Details]: string | null } & {
  title: string;
  blocks: PreviewBlock[];
  characters: number;
};
const NO_DETAILS: Details = { sourceUrl: "", publisher: "", author: "", publishedAt: "", modifiedAt: "", language: "" };
const DETAIL_NAMES = Object.keys(NO_DETAILS) as (keyof Details)[];

/**
 * Fetch a page by its address, paste text or HTML, or upload a .txt/.html
 * file. A fetched page, or a whole page pasted or uploaded, is previewed
 * first: the server reads it as the import will (the article's blocks, kept
 * or left out, and its details), the editor corrects both, and Import sends
 * the kept blocks, so what they confirmed is what is stored. Plain text and
 * HTML fragments import as they are.
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
  /** The blocks being checked, with the editor's choices; null while the body is edited as text or HTML. */
  const [blocks, setBlocks] = useState<PreviewBlock[] | null>(null);
  const [initiallyKept, setInitiallyKept] = useState<boolean[]>([]);
  /** The title taken from an uploaded file's name, which a page's own headline replaces. */
  const fileTitle = useRef("");

  function showPreview(preview: Preview, from: "address" | "page") {
    setBlocks(preview.blocks);
    setInitiallyKept(preview.blocks.map((block) => block.kept));
    // A fetched page fills the form; a pasted or uploaded one fills only what the editor left empty.
    const fill = (current: string, found: string | null) =>
      from === "address" || !current.trim() ? (found ?? "") : current;
    setTitle((current) => (current === fileTitle.current ? preview.title || current : fill(current, preview.title)));
    setDetails((current) => {
      const next = { ...current };
      for (const name of DETAIL_NAMES) next[name] = fill(current[name], preview[name]);
      return next;
    });
    const kept = preview.blocks.filter((block) => block.kept).length;
    const source = from === "address" && preview.sourceUrl ? ` from ${new URL(preview.sourceUrl).host}` : "";
    setFetchedNote(
      `Read ${preview.characters.toLocaleString("en")} characters${source}: ${kept} of ${preview.blocks.length} blocks kept. Check the title, details and blocks below, then import.`,
    );
  }

  async function fetchFromAddress() {
    if (fetching) return;
    setFetching(true);
    setFetchError(null);
    setFetchedNote("");
    try {
      const preview = await api<Preview & { html: string }>("/articles/preview", {
        method: "POST",
        body: { url: address },
      });
      // What the editor already typed is not overwritten without asking.
      if (
        (blocks || body.trim()) &&
        body !== preview.html &&
        !window.confirm("Replace the article body you have with the fetched one?")
      )
        return;
      setFormat("html");
      setBody(preview.html);
      showPreview(preview, "address");
    } catch (failure) {
      setFetchError(failure);
    } finally {
      setFetching(false);
    }
  }

  /** A whole page pasted or uploaded: read by the server as the import will, then checked here. */
  async function previewPage(html: string) {
    setBusy(true);
    setError(null);
    try {
      showPreview(await api<Preview>("/articles/preview", { method: "POST", body: { html } }), "page");
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const needsPreview = !blocks && format === "html" && isWholePage(body);

  /** A detail's input: its value, and its 422 (if any) named and described. */
  const detail = (name: keyof Details) => ({
    id: name,
    name,
    value: details[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setDetails((current) => ({ ...current, [name]: event.target.value })),
    "aria-invalid": Boolean(fieldMessage(error, name)),
    "aria-describedby": fieldMessage(error, name) ? `${name}-error` : undefined,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (needsPreview) return void previewPage(body);
    const kept = blocks?.filter((block) => block.kept);
    if (kept?.length === 0) {
      setError(
        new ApiError(422, "INVALID", "html: keep at least one block", [
          { path: "html", message: "keep at least one block" },
        ]),
      );
      return;
    }
    const optional = Object.fromEntries(DETAIL_NAMES.map((name) => [name, details[name].trim() || undefined]));
    setBusy(true);
    setError(null);
    try {
      const article = await api<{ id: string }>("/articles", {
        method: "POST",
        // The kept blocks as a fragment: imported as they are, so the stored text is exactly what was checked.
        body: { title, ...(kept ? { html: blocksToHtml(kept) } : { [format]: body }), ...optional },
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
        <Detail label="Source URL" name="sourceUrl" error={error}>
          <input type="text" inputMode="url" placeholder="https://…" {...detail("sourceUrl")} />
        </Detail>
        <Detail label="Publisher" name="publisher" error={error}>
          <input maxLength={200} {...detail("publisher")} />
        </Detail>
        <Detail label="Author" name="author" error={error}>
          <input maxLength={200} {...detail("author")} />
        </Detail>
        <Detail label="Published" name="publishedAt" error={error}>
          <input type="date" {...detail("publishedAt")} />
        </Detail>
        <Detail label="Last modified" name="modifiedAt" error={error}>
          <input type="date" {...detail("modifiedAt")} />
        </Detail>
        <Detail label="Language" name="language" error={error}>
          <input maxLength={35} placeholder="en, pt-BR, ar…" {...detail("language")} />
        </Detail>
      </div>
      {blocks ? (
        <>
          <ImportPreview
            blocks={blocks}
            initiallyKept={initiallyKept}
            onKeep={(index, kept) =>
              setBlocks((current) => current && current.map((block, at) => (at === index ? { ...block, kept } : block)))
            }
          />
          {message("html") && (
            <p id="html-error" className="field-error" role="alert">
              {message("html")}
            </p>
          )}
          <button
            type="button"
            className="button small"
            onClick={() => {
              // The kept blocks, as chosen, become the HTML to edit by hand.
              setBody(blocksToHtml(blocks.filter((block) => block.kept)));
              setBlocks(null);
            }}
          >
            Edit the kept blocks as HTML
          </button>
        </>
      ) : (
        <ArticleBodyInput
          id="body"
          legend="The article's body"
          format={format}
          onFormat={setFormat}
          body={body}
          onBody={setBody}
          onFile={(name, text) => {
            fileTitle.current = name.replace(/\.[^.]+$/, "");
            setTitle((current) => current || fileTitle.current);
            if (/\.html?$/i.test(name) && isWholePage(text)) void previewPage(text);
          }}
          error={error}
          rows={16}
        />
      )}
      {needsPreview && (
        <p className="muted field-hint">
          This is a whole web page: Preview shows the article read from it (menus, adverts and related links left out)
          for you to check before importing.
        </p>
      )}
      {error instanceof ApiError && error.fields.length === 0 ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : error && !(error instanceof ApiError) ? (
        <p className="form-error" role="alert">
          Could not reach the server. Your text is still here; try again.
        </p>
      ) : null}
      {needsPreview ? (
        // Not a submit: the form's required fields (the title, which the page may supply) wait for the preview.
        <button className="button primary" type="button" disabled={busy} onClick={() => void previewPage(body)}>
          {busy ? "Reading the page…" : "Preview"}
        </button>
      ) : (
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import article"}
        </button>
      )}
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

/** A labelled detail of the article (the input is the child, with the same id as `name`) and its error. */
function Detail({
  label,
  name,
  error,
  children,
}: {
  label: string;
  name: string;
  error: unknown;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {children}
      <FieldError path={name} error={error} />
    </div>
  );
}
