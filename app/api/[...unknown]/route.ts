import { errorResponse } from "@/lib/http/error-response";
import { secureApiResponse } from "@/lib/http/secure-api-response";
import { AppError } from "@/lib/server/shared/errors";

export const dynamic = "force-dynamic";

/**
 * Any /api address no route answers: the API's own 404 (JSON, with the header
 * set), not the HTML page Next would render for it, which the proxy — not
 * run for /api (proxy.ts) — would have left without headers.
 */
function notFound(request: Request): Response {
  return secureApiResponse(
    request,
    errorResponse(new AppError("NOT_FOUND", "No API route has this address. The API lives under /api/v1.")),
  );
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
