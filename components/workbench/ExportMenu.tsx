import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";

const LABELS: Record<ExportFormat, string> = {
  html: "Annotated HTML",
  claimreview: "ClaimReview JSON-LD",
  w3c: "W3C Web Annotations",
  csv: "CSV spreadsheet",
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
              {LABELS[format]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
