import { env } from "../config/env";
import { withSecurityHeaders } from "./security-headers";

/**
 * The API's answers carry decision 014's header set without the proxy: running
 * the proxy on every API call cost about a fifth of the write throughput
 * (README, Benchmarks), and an API response needs no per-request nonce.
 */
export function secureApiResponse(request: Request, response: Response): Response {
  return withSecurityHeaders(response, {
    pathname: new URL(request.url).pathname,
    https: env().NEXTAUTH_URL?.startsWith("https:") ?? false,
  });
}
