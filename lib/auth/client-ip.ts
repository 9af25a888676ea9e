import { env } from "../config/env";

/**
 * The caller's address, for the sign-in rate limit. Route handlers cannot see
 * the socket; `next start` puts its address in X-Forwarded-For only when the
 * header is absent, so a client talking to the app directly can forge it (the
 * per-email limit does not depend on this). Behind proxies that append to the
 * header, the entry TRUSTED_PROXY_HOPS from the end is the one they saw.
 */
export function clientIp(headers: Headers, trustedProxyHops = env().TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const index = chain.length - 1 - trustedProxyHops;
  return chain[Math.max(0, index)] ?? headers.get("x-real-ip") ?? "unknown";
}
