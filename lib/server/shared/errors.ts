/** The one error type use cases throw; lib/http maps it to a response. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID"
  | "CONFLICT"
  | "LOCKED"
  | "RATE_LIMITED"
  | "TOO_LARGE"
  | "UNAVAILABLE";

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      fields?: FieldIssue[];
      current?: unknown;
      retryAfterSeconds?: number;
      [key: string]: unknown;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalid = (path: string, message: string) =>
  new AppError("INVALID", `${path}: ${message}`, { fields: [{ path, message }] });
