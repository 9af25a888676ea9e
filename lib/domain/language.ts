/**
 * A BCP 47 language tag as pages write it ("en", "pt-BR", "zh-Hant-TW"; "en_GB" read as "en-GB"), or null when it is
 * not one; 35 characters is the longest tag worth keeping (RFC 5646 4.4.1).
 */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replaceAll("_", "-");
  return tag && tag.length <= 35 && /^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$/.test(tag) ? tag : null;
}

/** Languages written right to left (ISO 639 primary subtags), and scripts that are, whatever the language. */
const RTL_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi"]);
const RTL_SCRIPTS = new Set(["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"]);

/**
 * The `dir` to give an article's text from its language tag: "rtl" for Arabic, Hebrew, Persian, Urdu… (or a tag
 * naming a right-to-left script, "pa-Arab"), "ltr" for any other known language, and "auto" when the language is
 * not known, so the browser decides from the text itself.
 */
export function textDirection(language: string | null | undefined): "rtl" | "ltr" | "auto" {
  if (!language) return "auto";
  const [primary, ...rest] = language.toLowerCase().split(/[-_]/);
  if (RTL_LANGUAGES.has(primary) || rest.some((subtag) => RTL_SCRIPTS.has(subtag))) return "rtl";
  return "ltr";
}
