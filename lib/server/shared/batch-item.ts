import type { AnnotationView } from "../../views/article-view";
import type { BatchResult } from "../../views/batch-result";
import { AppError } from "./errors";

/** Runs one item, turning a refusal (an AppError: 403, 404, 409) into its result; anything else (a database failure) still throws. */
export async function batchItem(id: string, run: () => Promise<AnnotationView>): Promise<BatchResult> {
  try {
    const view = await run();
    return { id, ok: true, status: view.status };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { id, ok: false, error: { code: error.code, message: error.message } };
  }
}
