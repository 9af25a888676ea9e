import { AppError, type FieldIssue } from "../server/shared/errors";
import { jsonProblem } from "./input-guard";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The request body as JSON, refusing more than `limit` bytes (413) before
 * reading it all: the declared length is checked first, then the stream is
 * counted, since a client may lie or send no length. Bytes that are not UTF-8,
 * JSON nested too deep, and text with NUL or lone surrogates are refused with
 * 422 naming the field (input-guard.ts says why).
 */
export async function readJson(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const reader = request.body?.getReader();
  if (!reader) return {};
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    // Not Buffer#toString: it would turn bytes that are not UTF-8 into U+FFFD and store those.
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw invalidInput({ path: "", message: "is not valid UTF-8" });
  }
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "The request body is not valid JSON.", {
      fields: [{ path: "", message: "is not valid JSON" }],
    });
  }
  const problem = jsonProblem(value);
  if (problem) throw invalidInput(problem);
  return value;
}

/** 422 naming the field ("body" in the message when the whole body is meant). */
export const invalidInput = (issue: FieldIssue) =>
  new AppError("INVALID", `${issue.path || "body"}: ${issue.message}`, { fields: [issue] });

const tooLarge = (limit: number) =>
  new AppError("TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB.`);
