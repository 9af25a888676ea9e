/**
 * A host name as people type it: dot-separated labels ending in a top-level
 * domain of letters, an optional port, then a path, query, fragment or nothing.
 * "javascript:alert(1)", "mailto:a@b.org" and "not a url" do not match.
 */
const BARE_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})(?::\d{1,5})?(?:[/?#]|$)/i;

/**
 * A web address as typed, with https:// put in front when it was left out:
 * "ft.com/content/x" and "www.bbc.co.uk/news/x" are what people copy from an
 * address bar or a printed page. Anything with a scheme, or that does not
 * start with a host name, is returned as it is, for the caller to judge
 * (so other schemes and junk are still refused, not turned into addresses).
 */
export function withScheme(typed: string): string {
  const value = typed.trim();
  if (value.startsWith("//")) return `https:${value}`;
  return BARE_HOST.test(value) ? `https://${value}` : value;
}
