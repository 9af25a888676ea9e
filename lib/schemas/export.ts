import { z } from "zod";
import { EXPORT_FORMATS, type ExportFormat } from "../export/formats";

export { EXPORT_FORMATS, type ExportFormat };

export const ZExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(", ")}` }).default("html"),
});
