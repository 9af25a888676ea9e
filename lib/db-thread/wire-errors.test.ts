import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { errorResponse } from "../http/error-response";
import { ZCreateAnnotation } from "../schemas/annotations";
import { AppError, invalid } from "../server/shared/errors";
import { fromWire, toWire } from "./wire-errors";

/** What the request thread gets: the error as it crosses postMessage (structured clone), rebuilt. */
const acrossThreads = (error: unknown) => fromWire(structuredClone(toWire(error)));

async function answer(error: unknown) {
  const response = errorResponse(error);
  return { status: response.status, retryAfter: response.headers.get("Retry-After"), body: await response.json() };
}

describe("errors from the database thread", () => {
  it("come back as AppError with code, message and details (a 409's current state included, dates as dates)", async () => {
    const original = new AppError("CONFLICT", "Someone changed this annotation.", {
      current: { id: "a1", version: 3, updatedAt: new Date("2026-11-27T10:00:00Z") },
    });
    const rebuilt = acrossThreads(original);
    expect(rebuilt).toBeInstanceOf(AppError);
    expect(rebuilt).toMatchObject({ code: "CONFLICT", message: original.message });
    expect((rebuilt as AppError).details.current).toEqual(original.details.current);
    expect(await answer(rebuilt)).toEqual(await answer(original));
  });

  it("keep a field error's path, and a rate limit's Retry-After", async () => {
    expect(await answer(acrossThreads(invalid("verdict", "an analysis takes no verdict")))).toEqual(
      await answer(invalid("verdict", "an analysis takes no verdict")),
    );
    const limited = new AppError("RATE_LIMITED", "Too many.", { retryAfterSeconds: 30 });
    expect(await answer(acrossThreads(limited))).toMatchObject({ status: 429, retryAfter: "30" });
  });

  it("come back as ZodError, so the answer is the same 422 naming each field", async () => {
    const parsed = ZCreateAnnotation.safeParse({ kind: "OPINION", start: 9, end: 4 });
    expect(parsed.success).toBe(false);
    const rebuilt = acrossThreads(parsed.error);
    expect(rebuilt).toBeInstanceOf(ZodError);
    const sent = await answer(rebuilt);
    expect(sent).toEqual(await answer(parsed.error));
    expect(sent.status).toBe(422);
    expect(sent.body.error.fields.map((field: { path: string }) => field.path)).toContain("kind");
  });

  it("keep any other error's message and Prisma code (use cases branch on it), and still answer 500 without internals", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // errorResponse logs unknown errors
    const prisma = Object.assign(new Error("Unique constraint failed on the fields: (`email`)"), {
      code: "P2002",
      name: "PrismaClientKnownRequestError",
    });
    const rebuilt = acrossThreads(prisma);
    expect(rebuilt).toMatchObject({ message: prisma.message, code: "P2002", name: "PrismaClientKnownRequestError" });
    expect(rebuilt).not.toBeInstanceOf(AppError);
    const sent = await answer(rebuilt);
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain("email");
    expect(acrossThreads("a thrown string").message).toBe("a thrown string");
  });
});
