import { env } from "../config/env";

/**
 * Cross-site request protection for cookie-authenticated mutations: the
 * browser's Origin (or, failing that, Sec-Fetch-Site) must say the request
 * comes from this app. Token calls carry no ambient credentials and are exempt.
 *
 * X-Forwarded-Host and -Proto count only behind a proxy (TRUSTED_PROXY_HOPS >
 * 0): without one, anyone talking to the app directly could send
 * "X-Forwarded-Host: evil.example" with "Origin: https://evil.example" and
 * make that origin "ours".
 */
export function isSameOrigin(request: Request, trustedProxyHops = env().TRUSTED_PROXY_HOPS): boolean {
  const origin = request.headers.get("origin");
  if (origin) return allowedOrigins(request, trustedProxyHops).has(origin);
  const site = request.headers.get("sec-fetch-site");
  return site === "same-origin" || site === "none";
}

function allowedOrigins(request: Request, trustedProxyHops: number): Set<string> {
  const allowed = new Set<string>();
  const forwarded = (name: string) =>
    trustedProxyHops > 0 ? fromOutermostProxy(request.headers.get(name), trustedProxyHops) : null;
  const host = forwarded("x-forwarded-host") ?? request.headers.get("host");
  const proto = forwarded("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  if (host) allowed.add(`${proto}://${host}`);
  const publicUrl = env().NEXTAUTH_URL;
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  return allowed;
}

/**
 * Proxies that append write one entry each, the outermost (the one the browser
 * reached) `hops` entries from the end; anything before it came from the
 * client. A proxy that overwrites leaves one entry, which is then its own.
 */
function fromOutermostProxy(header: string | null, hops: number): string | null {
  const entries = (header ?? "").split(",").map((entry) => entry.trim());
  return entries[Math.max(0, entries.length - hops)] || null;
}
