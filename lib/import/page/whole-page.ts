/**
 * Whether HTML is a whole page (what a browser saves, a server sends) rather than
 * a fragment (what a CMS or the import preview hands over: the article's own
 * paragraphs). Only whole pages go through main-content extraction: a fragment
 * is the article already, and every block of it is kept, as before.
 *
 * A browser's clipboard wraps a selection in <html><body> with
 * <!--StartFragment--> markers: that is the editor's own selection, a fragment.
 */
/** A comment's body cannot run past its own "-->" (a lazy match there backtracks for minutes on many comments). */
const PAGE_START = /^[\s\uFEFF]*(?:<!--(?:[^-]|-(?!->))*-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype|html|head)[\s>]/i;
const CLIPBOARD_SELECTION = /<!--\s*StartFragment\s*-->/i;

export function isWholePage(html: string): boolean {
  return PAGE_START.test(html) && !CLIPBOARD_SELECTION.test(html);
}
