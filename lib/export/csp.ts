/**
 * The exported HTML file's Content-Security-Policy. Belt and braces for "no
 * external requests": even if markup slipped through escaping, the browser
 * would load nothing and run nothing. JSON-LD is data, never executed, so it
 * needs no script-src. The file carries it in a meta tag; the download route
 * sends it as a header too (lib/http/security-headers.ts).
 */
export const EXPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
