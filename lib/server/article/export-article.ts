import type { Actor } from "../../domain/actor";
import type { Db } from "../../db/client";
import { exportHtml } from "../../export/html";
import { claimReviews } from "../../export/claimreview";
import { exportCsv } from "../../export/csv";
import { publicArticleUrl } from "../../export/public-url";
import type { ExportSnapshot } from "../../export/snapshot";
import { w3cCollection } from "../../export/w3c";
import { ZExportQuery, type ExportFormat } from "../../schemas/export";
import { loadArticleView } from "./load-article";
import { requirePermission } from "../shared/require-permission";

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export type ExportFile = { body: string; contentType: string; filename: string };

const FORMATS: Record<
  ExportFormat,
  { contentType: string; extension: string; render: (snapshot: ExportSnapshot) => string }
> = {
  html: { contentType: "text/html; charset=utf-8", extension: "html", render: exportHtml },
  claimreview: {
    contentType: "application/ld+json; charset=utf-8",
    extension: "claimreview.jsonld",
    render: (snapshot) => pretty(claimReviews(snapshot)),
  },
  w3c: {
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    extension: "annotations.jsonld",
    render: (snapshot) => pretty(w3cCollection(snapshot)),
  },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv", render: exportCsv },
};

/**
 * The annotated article as a file: self-contained HTML, ClaimReview or W3C
 * JSON-LD, or CSV. The export functions are pure; this gathers their input.
 * `baseUrl` is the workbench's (only the team's W3C export names it);
 * `publicBaseUrl` is FACTMARK_PUBLIC_URL, which with the article's own
 * override gives the address the reader exports name (or none).
 */
export async function exportArticle(
  db: Db,
  {
    actor,
    articleId,
    input,
    baseUrl,
    publicBaseUrl,
    publisher,
    now = new Date(),
  }: {
    actor: Actor;
    articleId: string;
    input: unknown;
    baseUrl: string;
    publicBaseUrl?: string | null;
    publisher: string;
    now?: Date;
  },
): Promise<ExportFile> {
  requirePermission(actor, "export:article");
  const { format } = ZExportQuery.parse(input);
  const article = await loadArticleView(db, articleId);
  const snapshot: ExportSnapshot = {
    article,
    publisher,
    articleUrl: `${baseUrl.replace(/\/$/, "")}/articles/${article.id}`,
    publicUrl: publicArticleUrl(article, publicBaseUrl),
    exportedAt: now.toISOString(),
  };
  const spec = FORMATS[format];
  return {
    body: spec.render(snapshot),
    contentType: spec.contentType,
    filename: `${slug(article.title)}.${spec.extension}`,
  };
}

/** A file name anyone can save: ASCII letters, digits and dashes. */
export function slug(title: string): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return (ascii || "article").slice(0, 80).replace(/-+$/, "");
}
