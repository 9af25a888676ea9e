import { z } from "zod";

export const EXPORT_FORMATS = ["html", "claimreview", "w3c", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ZExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(", ")}` }).default("html"),
});
