/**
 * A language tag as BCP 47 in its canonical case ("en_US" → "en-US",
 * "PT-br" → "pt-BR", "zh-hant-tw" → "zh-Hant-TW"); the first of a list
 * ("en-US, en"); undefined for what is not a language ("x-default", "*",
 * "none", garbage), so the next source is tried.
 */
const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function normalizeLanguage(value: string | undefined): string | undefined {
  const first = value?.split(/[,;\s]/).find(Boolean);
  if (!first) return undefined;
  const tag = first.replace(/_/g, "-");
  if (!TAG.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
