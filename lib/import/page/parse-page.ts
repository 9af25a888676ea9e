import { parseHTML } from "linkedom";

/**
 * A whole HTML page as a DOM (linkedom: htmlparser2 underneath, no native code,
 * a fraction of jsdom's cost), for Readability and the metadata readers.
 * Nothing runs: no scripts, styles, network or layout.
 */
export function parsePage(html: string): Document {
  const source = html.replace(/^\uFEFF/, "");
  // linkedom needs a document element to build <head>/<body>; a bare fragment gets one.
  // Each comment ends at its first "-->" (a lazy [\s\S]*? inside a repeated group backtracks exponentially on a page
  // that starts "<!--?xml …?--><!DOCTYPE …>"); doctype and comments may come in either order.
  const wrapped = /^\s*(?:(?:<!doctype[^>]*>|<!--(?:(?!-->)[\s\S])*-->)\s*)*<html[\s>]/i.test(source)
    ? source
    : `<!doctype html><html><body>${source}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}
