import type { AnnotationStatus } from "../domain/annotation";
import type { ErrorCode } from "../server/shared/errors";

/** One annotation's outcome in a batch request: its new status, or why it was refused. */
export type BatchResult = {
  id: string;
  ok: boolean;
  status?: AnnotationStatus;
  error?: { code: ErrorCode; message: string };
};
export type BatchAnswer = { results: BatchResult[] };
