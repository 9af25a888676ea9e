/**
 * A path whose percent-encoding is not UTF-8 (`/articles/%ED%A0%80`, a lone
 * surrogate; `/%zz`; a cut-off `%E2%82`). Next's router fails to decode it
 * and answers a bare 500 without our headers, so proxy.ts answers first.
 */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const MESSAGE = "is not a valid address: its percent-encoding is not UTF-8";

/** 400: the API's error shape for /api paths, a small page for everything else. Both say what is wrong and are never cached. */
export function malformedPathResponse(pathname: string): Response {
  const headers = { "Cache-Control": "no-store" };
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return Response.json(
      { error: { code: "INVALID", message: `path: ${MESSAGE}`, fields: [{ path: "path", message: MESSAGE }] } },
      { status: 400, headers },
    );
  }
  const page = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>Bad address · Factmark</title></head><body>",
    "<h1>Bad address</h1>",
    '<p>This address has characters Factmark cannot read (its percent-encoding is not UTF-8). Check the link, or start again from the <a href="/">home page</a>.</p>',
    "</body></html>",
  ].join("");
  return new Response(page, { status: 400, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
