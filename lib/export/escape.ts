/**
 * HTML escaping for the exports: one function per context, each a single
 * regex pass with a lookup table. Attributes are always written double-quoted.
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

const entity = (char: string) => ENTITIES[char];

/** For text content (element bodies and <title>); quotes are inert there. */
export function escapeHtml(value: string): string {
  return value.replace(TEXT_SPECIALS, entity);
}

/** For double-quoted attribute values: also escapes both quote characters. */
export function escapeAttr(value: string): string {
  return value.replace(ATTR_SPECIALS, entity);
}
