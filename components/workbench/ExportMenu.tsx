"use client";

import { useState, type FormEvent } from "react";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";
import { publicAddressWarning, publicArticleUrl } from "@/lib/export/public-url";
import type { ArticleView } from "@/lib/views/article-view";
import { fieldMessage } from "../api-client";
import { problem, updateArticle } from "./requests";

/** Each format's name and who it is for: HTML and ClaimReview go to readers and never carry the team's notes. */
const LABELS: Record<ExportFormat, { name: string; audience: string }> = {
  html: { name: "Annotated HTML", audience: "for readers" },
  claimreview: { name: "ClaimReview JSON-LD", audience: "for readers" },
  w3c: { name: "W3C Web Annotations", audience: "for the team (includes internal notes)" },
  csv: { name: "CSV spreadsheet", audience: "for the team (includes internal notes)" },
};

type Props = {
  article: Pick<ArticleView, "id" | "publicUrl">;
  /** FACTMARK_PUBLIC_URL, or null when it is not set. */
  publicBase: string | null;
};

/**
 * Plain download links (the session cookie goes with them, no script needed),
 * what the reader exports will name as the fact-check's address, a warning
 * when that address is one readers cannot open, and the article's own public
 * address to set it.
 */
export function ExportMenu({ article, publicBase }: Props) {
  const [override, setOverride] = useState(article.publicUrl);
  const [typed, setTyped] = useState(article.publicUrl ?? "");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState("");
  const address = publicArticleUrl({ id: article.id, publicUrl: override }, publicBase);
  const warning = publicAddressWarning(address);
  const fieldError = fieldMessage(error, "publicUrl") ?? (error ? problem(error) : "");

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved("");
    try {
      const view = await updateArticle(article.id, { publicUrl: typed.trim() || null });
      setOverride(view.publicUrl);
      setTyped(view.publicUrl ?? "");
      setSaved("Saved");
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <details className="wb-export">
      <summary className="button">Export</summary>
      <div className="wb-export-panel">
        <ul>
          {EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <a href={`/api/v1/articles/${encodeURIComponent(article.id)}/export?format=${format}`} download>
                {LABELS[format].name}
                <span className="wb-export-audience">{LABELS[format].audience}</span>
              </a>
            </li>
          ))}
        </ul>
        {warning ? (
          <p className="wb-warn" role="alert" data-testid="public-address-warning">
            {warning}
          </p>
        ) : (
          <p className="wb-hint" data-testid="public-address">
            {address
              ? `Reader exports link to ${address}`
              : "Reader exports name no online address: set this article's public address, or FACTMARK_PUBLIC_URL."}
          </p>
        )}
        <form className="wb-export-address" onSubmit={save} noValidate>
          <label htmlFor="wb-public-url">Public address of this fact-check</label>
          <input
            id="wb-public-url"
            type="url"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder={publicBase ? `${publicBase.replace(/\/+$/, "")}/${article.id}` : "https://…"}
            aria-invalid={Boolean(fieldError)}
            aria-describedby={fieldError ? "wb-public-url-error" : undefined}
          />
          {fieldError && (
            <span id="wb-public-url-error" className="field-error">
              {fieldError}
            </span>
          )}
          <span className="wb-export-save">
            <button type="submit" className="button" disabled={saving || typed.trim() === (override ?? "")}>
              {saving ? "Saving…" : "Save address"}
            </button>
            <span role="status">{saved}</span>
          </span>
        </form>
      </div>
    </details>
  );
}
