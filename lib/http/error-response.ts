import { ZodError } from "zod";
import { AppError, type ErrorCode } from "../server/shared/errors";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 422,
  CONFLICT: 409,
  LOCKED: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
};

/** The one place errors become HTTP: `{ error: { code, message, fields? … } }`. Unknown errors say nothing of their internals. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const message = fields.map((field) => `${field.path || "body"}: ${field.message}`).join("; ");
    return Response.json({ error: { code: "INVALID", message, fields } }, { status: 422 });
  }
  if (error instanceof AppError) {
    const headers = new Headers();
    if (error.details.retryAfterSeconds) headers.set("Retry-After", String(error.details.retryAfterSeconds));
    return Response.json(
      { error: { code: error.code, message: error.message, ...error.details } },
      { status: STATUS[error.code], headers },
    );
  }
  console.error("[factmark] unexpected error", error);
  return Response.json(
    { error: { code: "INTERNAL", message: "Something went wrong on the server. It has been logged." } },
    { status: 500 },
  );
}
