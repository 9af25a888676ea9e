/**
 * The names a site goes by (its og:site_name, its publisher's name, the
 * domain), to take them off a headline ("Headline | The Daily Example") and
 * out of a byline (an "author" that is the site itself).
 */
export type SiteNames = {
  /** Normalized names: lower-case letters and digits only, a leading "the" dropped. */
  names: string[];
  /** The domains' own labels ("nytimes" for www.nytimes.com: the page's address and its canonical one), normalized. */
  domainLabels: string[];
};

export function siteNames(names: readonly (string | undefined)[], ...urls: (string | undefined)[]): SiteNames {
  const normalized = [
    ...new Set(
      names
        .filter((name): name is string => !!name)
        .map(normalizeSite)
        .filter(Boolean),
    ),
  ];
  const labels = urls.map(domainLabel).filter((label): label is string => !!label);
  return { names: normalized, domainLabels: [...new Set(labels)] };
}

export function normalizeSite(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/^\s*the\s+/, "")
    .replace(/\.(?:com|org|net|co\.uk|co|news|info|io)\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** "www.nytimes.com" → "nytimes"; "news.bbc.co.uk" → "bbc". */
export function domainLabel(url?: string): string | undefined {
  const host = hostName(url);
  if (!host) return undefined;
  const labels = host.split(".");
  // Drop a two-part public suffix such as co.uk or com.au, then the top-level domain.
  const suffixLength = labels.length > 2 && /^(?:co|com|org|net|ac|gov|edu)$/.test(labels[labels.length - 2]) ? 2 : 1;
  const label = labels[labels.length - suffixLength - 1];
  return label ? normalizeSite(label) : undefined;
}

export function hostName(url?: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    return parsed.hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a piece of a title or byline names the site: the same name, the
 * domain's label ("NYTimes.com" or "The New York Times" on nytimes.com), or
 * a short form of it ("MDN" for "MDN Web Docs").
 */
export function isSiteName(text: string, site: SiteNames): boolean {
  return siteMatch(text, site) !== undefined;
}

/** Which of the site's names the text is: one the page declares ("name"), or only its domain's label ("domain"). */
export function siteMatch(text: string, site: SiteNames): "name" | "domain" | undefined {
  const piece = normalizeSite(text);
  if (!piece) return undefined;
  const named = site.names.some(
    (name) =>
      piece === name ||
      (piece.length >= 3 && name.startsWith(piece)) ||
      (name.length >= 3 && piece.startsWith(name) && piece.length <= name.length + 8),
  );
  if (named) return "name";
  // "WebMD Health News" on webmd.com, "BBC News" on bbc.co.uk.
  const domain = site.domainLabels.some(
    (label) => piece === label || (label.length >= 3 && piece.startsWith(label) && piece.length <= label.length + 12),
  );
  return domain ? "domain" : undefined;
}
