/**
 * Cross-site request protection for cookie-authenticated mutations: the
 * browser's Origin (or, failing that, Sec-Fetch-Site) must say the request
 * comes from this app. Token calls carry no ambient credentials and are exempt.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) return allowedOrigins(request).has(origin);
  const site = request.headers.get("sec-fetch-site");
  return site === "same-origin" || site === "none";
}

function allowedOrigins(request: Request): Set<string> {
  const allowed = new Set<string>();
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  if (host) allowed.add(`${proto}://${host}`);
  if (process.env.NEXTAUTH_URL) allowed.add(new URL(process.env.NEXTAUTH_URL).origin);
  return allowed;
}
