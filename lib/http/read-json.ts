import { AppError } from "../server/errors";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The request body as JSON, refusing more than `limit` bytes (413) before
 * reading it all: the declared length is checked first, then the stream is
 * counted, since a client may lie or send no length.
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
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "The request body is not valid JSON.", { fields: [{ path: "", message: "is not valid JSON" }] });
  }
}

const tooLarge = (limit: number) => new AppError("TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB.`);
