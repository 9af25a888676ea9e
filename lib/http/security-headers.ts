import { EXPORT_CSP } from "../export/csp";

/**
 * The one definition of the headers every response carries (decision 014).
 * proxy.ts applies it to every request before Next routes it, so pages, API
 * routes, static files, Next's own 404 and error pages and the proxy's own
 * 400 for a badly encoded address all get the same set.
 */
export type SecurityContext = {
  /** The request's path, as sent (still percent-encoded). */
  pathname: string;
  /** Fresh per request; Next reads it back from the CSP request header and puts it on its scripts and styles. */
  nonce: string;
  /** The app's public address is https (NEXTAUTH_URL): adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React needs eval for its error overlays, and dev styles arrive without a nonce. */
  dev: boolean;
};

/** A year, without includeSubDomains: Factmark cannot know whether the newsroom's other hosts all speak https. */
const HSTS = "max-age=31536000";

const EXPORT_ROUTE = /^\/api\/v1\/articles\/[^/]+\/export\/?$/;

/**
 * Pages: scripts only with this request's nonce ('strict-dynamic' lets those
 * load Next's chunks; 'self' is only for browsers without CSP 3). Style
 * elements need the nonce too; style *attributes* are allowed because React
 * renders them (highlight patterns, the selection toolbar's position, bar
 * widths) and an attribute cannot carry a nonce. Inline styles cannot run
 * code; scripts stay strict.
 */
function pagePolicy({ nonce, https, dev }: SecurityContext): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // A nonce makes browsers ignore 'unsafe-inline', so dev (whose styles come without one) gets 'unsafe-inline' alone.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON, event streams and downloads run nothing and load nothing; the export keeps the policy its file carries. */
function contentSecurityPolicy(context: SecurityContext): string {
  if (EXPORT_ROUTE.test(context.pathname)) return `${EXPORT_CSP}; frame-ancestors 'none'`;
  if (context.pathname === "/api" || context.pathname.startsWith("/api/"))
    return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return pagePolicy(context);
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(context),
    // For browsers without CSP frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Sources are cited links: they get our origin at most, never the article's address.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    // A window we open (a source's page) cannot reach back into ours, and no other site may embed our responses.
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(context.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** 128 random bits, base64: what CSP nonces need (unguessable, fresh per response). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Puts the header set on a response the proxy never saw (the /api/v1 routes:
 * see proxy.ts's matcher), keeping any header the route chose itself, such as
 * the export's own policy. A response with immutable headers is copied.
 */
export function withSecurityHeaders(response: Response, context: Omit<SecurityContext, "nonce" | "dev">): Response {
  const headers = Object.entries(securityHeaders({ ...context, nonce: "", dev: false }));
  const apply = (target: Response) => {
    for (const [key, value] of headers) if (!target.headers.has(key)) target.headers.set(key, value);
    return target;
  };
  try {
    return apply(response);
  } catch {
    return apply(new Response(response.body, response));
  }
}
