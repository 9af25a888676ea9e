/**
 * Escaping for the exports: one function per context (element text,
 * double-quoted attribute values, JSON in a script element), each a single
 * pass. Attributes are always written double-quoted.
 *
 * CR is escaped as a character reference because an HTML parser turns a raw
 * CR (and CRLF) into LF: a note typed in a textarea (submitted with CRLF)
 * must come back verbatim.
 */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "\r": "&#13;",
};

const TEXT_SPECIALS = /[&<>\r]/g;
const ATTR_SPECIALS = /[&<>"'\r]/g;
/**
 * The same classes without the g flag, for the fast path: `test` on a global
 * regex reads and moves lastIndex, so it would skip characters on the next call.
 */
const HAS_TEXT_SPECIAL = /[&<>\r]/;
const HAS_ATTR_SPECIAL = /[&<>"'\r]/;

const entity = (char: string) => ENTITIES[char];

/*
 * Most strings in an export (names, notes, URLs, runs of article text) need no
 * escaping at all: a plain regex test is several times cheaper than `replace`
 * with a callback, and returning the input allocates nothing.
 */

/** For text content (element bodies and <title>); quotes are inert there. */
export function escapeHtml(value: string): string {
  return HAS_TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIALS, entity) : value;
}

/** For double-quoted attribute values: also escapes both quote characters. */
export function escapeAttr(value: string): string {
  return HAS_ATTR_SPECIAL.test(value) ? value.replace(ATTR_SPECIALS, entity) : value;
}

/**
 * JSON inside <script>: every `<` becomes \u003c (still the same JSON), so no
 * string can contain `</script>` or `<!--` and end or alter the element.
 */
export function jsonForScript(value: object | string): string {
  const json = JSON.stringify(value);
  return json.includes("<") ? json.replaceAll("<", "\\u003c") : json;
}
