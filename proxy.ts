import { NextResponse, type NextRequest } from "next/server";
import { env, nextProcess } from "@/lib/config/env";
import { isMalformedPath, malformedPathResponse } from "@/lib/http/malformed-path";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before Next routes a page, a static file, Next's 404 and error pages
 * or next-auth's routes. It puts the security headers on the response and the
 * CSP, with this request's nonce, on the request, where Next reads the nonce
 * for its scripts (decision 014).
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

/**
 * Not for the API's own routes and /api/health: they need no nonce, and the
 * proxy running at all cost about a fifth of the API's write throughput.
 * They set the same header set themselves (lib/http/secure-api-response.ts;
 * unknown /api addresses answer from app/api/[...unknown]). An /api address
 * with a percent sign still comes here, for the badly encoded ones Next's
 * router cannot decode (lib/http/malformed-path.ts).
 */
export const config = {
  matcher: ["/((?!api/).*)", "/api/auth/:path*", "/api/(.*%.*)"],
};
