import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";

/** Each format's name and who it is for: HTML and ClaimReview go to readers and never carry the team's notes. */
const LABELS: Record<ExportFormat, { name: string; audience: string }> = {
  html: { name: "Annotated HTML", audience: "for readers" },
  claimreview: { name: "ClaimReview JSON-LD", audience: "for readers" },
  w3c: { name: "W3C Web Annotations", audience: "for the team (includes internal notes)" },
  csv: { name: "CSV spreadsheet", audience: "for the team (includes internal notes)" },
};

/** Plain download links: the session cookie goes with them, no script needed. */
export function ExportMenu({ articleId }: { articleId: string }) {
  return (
    <details className="wb-export">
      <summary className="button">Export</summary>
      <ul>
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={`/api/v1/articles/${encodeURIComponent(articleId)}/export?format=${format}`} download>
              {LABELS[format].name}
              <span className="wb-export-audience">{LABELS[format].audience}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
