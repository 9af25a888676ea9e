import { parseHTML } from "linkedom";

/**
 * A whole HTML page as a DOM (linkedom: htmlparser2 underneath, no native code,
 * a fraction of jsdom's cost), for Readability and the metadata readers.
 * Nothing runs: no scripts, styles, network or layout.
 */
/**
 * Comments, an XML declaration and the doctype, in any order, then <html>. A
 * comment's body cannot run past its own "-->": a lazy `[\s\S]*?` there lets a
 * page of many comments that does not match backtrack for minutes.
 */
const HTML_START = /^\s*(?:<!--(?:[^-]|-(?!->))*-->\s*|<!doctype[^>]*>\s*|<\?xml[^>]*>\s*)*<html[\s>]/i;

export function parsePage(html: string): Document {
  const source = html.replace(/^\uFEFF/, "");
  // linkedom needs a document element to build <head>/<body>; a bare fragment gets one.
  const wrapped = HTML_START.test(source)
    ? source
    : `<!doctype html><html><body>${source}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}
