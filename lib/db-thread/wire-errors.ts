import { ZodError } from "zod";
import { AppError, type ErrorCode } from "../server/shared/errors";

/**
 * What crosses the thread boundary when a use case throws. Structured clone
 * keeps an error's message but not its class, and the HTTP layer decides by
 * class (AppError → its code, ZodError → 422 with fields), so each is rebuilt
 * as what it was. Anything else stays an Error (with Prisma's `code`, if any).
 */
export type WireError =
  | { kind: "app"; code: ErrorCode; message: string; details: AppError["details"] }
  | { kind: "zod"; issues: ZodError["issues"] }
  | { kind: "other"; name: string; message: string; code?: string; stack?: string };

export function toWire(error: unknown): WireError {
  if (error instanceof AppError)
    return { kind: "app", code: error.code, message: error.message, details: error.details };
  if (error instanceof ZodError) return { kind: "zod", issues: error.issues };
  const {
    name = "Error",
    message = String(error),
    code,
    stack,
  } = (error ?? {}) as { name?: string; message?: string; code?: unknown; stack?: string };
  return { kind: "other", name, message, ...(typeof code === "string" ? { code } : {}), stack };
}

export function fromWire(wire: WireError): Error {
  if (wire.kind === "app") return new AppError(wire.code, wire.message, wire.details);
  if (wire.kind === "zod") return new ZodError(wire.issues);
  const error = Object.assign(new Error(wire.message), wire.code ? { code: wire.code } : {});
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}
