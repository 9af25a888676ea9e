/**
 * Where to send someone after sign-in (or sign-out): a path on this app, or
 * "/". A callbackUrl comes from the address bar, so it is attacker-chosen, and
 * browsers read more than a plain "starts with one slash" test allows for:
 * they turn "\" into "/" and drop TAB, CR and LF inside a URL, so "/\evil",
 * "/<TAB>/evil" and "/\tevil" all become "//evil", another site. Such values are
 * refused outright; what is left must parse, against this origin, to this
 * origin, and the path it normalises to must not start with "//" either
 * ("/.//evil" normalises to "//evil").
 *
 * `origin` is this app's origin when known (next-auth's redirect callback gets
 * it, and may pass absolute URLs of its own); the default only anchors
 * relative paths, so an absolute URL is then refused unless it matches it.
 */
const NOT_SAFE = /[\\\u0000-\u0020\u007f-\u009f\u2028\u2029]/;
const FALLBACK = "/";

export function safeReturnPath(value: unknown, origin = "http://factmark.invalid"): string {
  if (typeof value !== "string" || NOT_SAFE.test(value)) return FALLBACK;
  // A relative value must be a path; "evil.example" or "?x" would resolve against the current page.
  if (!value.startsWith("/") && !value.startsWith(`${origin}/`) && value !== origin) return FALLBACK;
  if (value.startsWith("//")) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== new URL(origin).origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? FALLBACK : path;
}
