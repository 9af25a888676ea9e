/** Kept apart from the zod schema so the browser bundle (the export menu) never loads zod: its eval probe is a CSP violation (decision 014). */
export const EXPORT_FORMATS = ["html", "claimreview", "w3c", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
