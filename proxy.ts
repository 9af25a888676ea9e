import { NextResponse, type NextRequest } from "next/server";
import { env, nextProcess } from "@/lib/config/env";
import { isMalformedPath, malformedPathResponse } from "@/lib/http/malformed-path";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before Next routes anything, on every request (no matcher: static
 * files, Next's 404 and error pages need the headers too). It puts the
 * security headers on the response and the CSP, with this request's nonce, on
 * the request, where Next reads the nonce for its scripts (decision 014).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const headers = securityHeaders({
    pathname,
    nonce: newNonce(),
    // HSTS only when the public address is https: a laptop on http://localhost must not pin itself to https.
    https: env().NEXTAUTH_URL?.startsWith("https:") ?? false,
    dev: nextProcess().development,
  });
  if (isMalformedPath(pathname)) {
    const response = malformedPathResponse(pathname);
    for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
    return response;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}
