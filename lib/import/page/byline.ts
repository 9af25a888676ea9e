import { clean } from "./headline";
import { siteMatch, type SiteNames } from "./site-names";

/**
 * The people in a byline, as a reader would write them down.
 *
 * Rules (issue #17):
 * - "By ", "Written by", "Words:" and the like go; "and", "&", commas,
 *   semicolons and bars separate names; a role after a name ("Jane Doe,
 *   Senior Correspondent", "Jane Doe is a reporter…"), an e-mail, a URL, a
 *   @handle, a place ("in Kyiv") and an "Updated …"/"Published …"/date tail go.
 * - Never a name: boilerplate ("Staff", "Staff Reporter", "Herald Staff",
 *   "News Desk", "Agencies", "Admin"), the site or publisher's own name, a
 *   profile URL (`article:author` often is one: nothing is derived from it).
 * - People only (the author field is "people, comma-separated"): a wire
 *   service ("Associated Press", "Reuters", "AFP"…) or a JSON-LD author typed
 *   Organization is a credit, not an author — "By Jane Doe, Associated Press"
 *   is Jane Doe, a bare agency story has no author (the agency stays in the
 *   story's own dateline, "WASHINGTON (AP) —"). The one collective byline kept
 *   is an editorial board ("The Editorial Board"), the named author of an
 *   editorial, and only when no person is named on the page. This is the rule
 *   the corpus's expected.json files follow too (tests/fixtures/pages/README.md).
 * - Names are de-duplicated case-insensitively, in page order.
 */
export type Byline = { people: string[]; organisations: string[] };

/** One author text; `organisation`/`person` when the page says which (a JSON-LD @type). */
export type BylineEntry = { text: string; organisation?: boolean; person?: boolean };

export const EMPTY_BYLINE: Byline = { people: [], organisations: [] };

const WIRE =
  /^(?:the\s+)?(?:associated\s+press|ap|reuters|thomson\s+reuters|agence\s+france[-\s]presse|afp|bloomberg(?:\s+news)?|press\s+association|pa(?:\s+media)?|dpa|upi|united\s+press\s+international|xinhua|efe|ansa|kyodo(?:\s+news)?|yonhap|canadian\s+press|cnn\s+wire|tribune\s+news\s+service|news\s+service|wire\s+services?|agencies|ap\s+and\s+reuters)$/i;
const BOARD = /\beditorial\s+board\b|^(?:the\s+)?editorial\s+team$|^(?:the\s+)?editors$/i;
/** Desk and staff credits ("Staff", "Herald Staff", "CNN Wire Staff", "News Desk", "Staff and agencies"), and a bare role word. */
const BOILERPLATE =
  /^(?:the\s+)?(?:[\p{L}.'’&-]+\s+){0,3}?(?:staff(?:\s+(?:reporters?|writers?|reports?))?|news\s*desks?|web\s*desk|digital\s*desk|desk|newsroom|staff\s+and\s+agencies|team)$|^(?:the\s+)?(?:guest\s+)?(?:admin(?:istrator)?|webmaster|author|authors|unknown|anonymous|guest|post|contributor|contributors|editor|correspondent|reporter|writer|user)$/iu;
const ROLE_WORDS = new Set(
  (
    "correspondent correspondents reporter reporters editor editors writer writers columnist columnists contributor " +
    "contributors contributing producer producers analyst journalist photographer photojournalist critic intern " +
    "fellow host anchor presenter staff chief senior associate assistant deputy managing executive political " +
    "politics business science health technology tech foreign national international bureau news sports opinion " +
    "culture features digital special investigative data reporting economics economy education environment " +
    "climate legal courts crime metro local regional global affairs white house washington london europe asia " +
    "africa america americas middle east correspondent, at large general editor-at-large in and the of for at " +
    "on with a an is was"
  ).split(/\s+/),
);
const ROLE_NOUN =
  /\b(?:correspondents?|reporters?|editors?|writers?|columnists?|contributors?|producers?|analysts?|journalists?|photographers?|photojournalist|critic|intern|fellow|host|anchor|presenter|staff|attorney|counsel|director|manager|officer|advis[eo]r|specialist|researcher|scientist|professor|lecturer|president|chair|founder|ceo|coordinator|strategist|consultant|economist|associate|assistant)\b/i;
const UI_WORDS =
  /^(?:by|and|follow|share|email|e-mail|contact|more|view|see|read|bio|profile|view\s+profile|twitter|facebook|linkedin|instagram|rss|all\s+(?:posts|articles|stories)|view\s+all(?:\s+posts)?|more\s+from.*|latest|updated|published|posted|about(?:\s+the\s+author)?|written\s+by|close|menu|comments?|opinion|analysis|news|sponsored|advertisement|subscribe)$/i;
/** Words that make a name an organisation's ("Example Research", "Daily Beacon", "Acme Corp"). */
const ORG_WORD =
  /\b(?:organi[sz]ations?|research|institute|university|college|school|corp(?:oration)?|inc|ltd|llc|gmbh|group|news|media|press|labs?|foundation|cent(?:er|re)|council|association|agency|department|ministry|company|times|post|journal|magazine|daily|network|radio|tv|studios?|division|office|bureau|services?|partners|capital|bank|project|online|digital|publishing|productions|society|committee|commission|party)\b/i;
/** Two to four capitalized words: how a person's name looks where letters have case. */
const PERSON_SHAPE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;
const PARTICLES = new Set(
  "de da do dos das del della di du van von der den ter le la bin ibn al el y e zu af av ben bint ap mac st. dei degli".split(
    " ",
  ),
);
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/i;

/**
 * The names in one byline source: `raw` is a list of texts (a JSON-LD author
 * list, several meta tags, the pieces of a visible byline).
 * `organisation` marks entries known to be organisations (JSON-LD @type).
 */
export function readByline(raw: readonly BylineEntry[], site: SiteNames, options: { single?: boolean } = {}): Byline {
  const people: string[] = [];
  const organisations: string[] = [];
  for (const entry of raw) {
    for (const name of splitNames(entry.text)) {
      const kind = classify(name, site, { single: options.single ?? true, ...entry });
      if (kind === "person") people.push(unshout(name));
      else if (kind === "organisation") organisations.push(name);
    }
  }
  return { people: unique(people), organisations: unique(organisations) };
}

/** "By Ana Ruiz and Tom Lee, Senior Correspondents | Updated March 3" → ["Ana Ruiz", "Tom Lee", "Senior Correspondents"]. */
export function splitNames(text: string): string[] {
  let value = clean(text)
    .replace(/\(?\s*(?:https?:\/\/|www\.)\S+\s*\)?/gi, " ")
    .replace(/\S+@\S+\.\S+/g, " ")
    .replace(/(?:^|\s)@[\w.]+/g, " ");
  // Other credits in the same line are not authors: "Written by Ana Ruiz Edited by Tom Lee", "… Photos by …".
  value = value.replace(
    /(?:^|[\s,|;–—-]+)(?:edited|photos?|photographs|illustrations?|graphics|video|additional\s+reporting)\s+by\b.*$/i,
    "",
  );
  // Tails that follow a name: "Updated 3 hours ago", "Published March 3", "| Reuters — 5 min read".
  value = value.replace(
    /(?:^|[\s,|–—-]+)(?:updated|published|posted|last\s+updated|first\s+published|modified|on\s+(?=\d|[A-Z][a-z]+\s+\d))\b.*$/i,
    "",
  );
  // A bio after the name: "Ana Ruiz is a senior reporter…", "Ana Ruiz covers…".
  value = value.replace(/\s+(?:is|was|has|covers|writes|reports|joined|leads)\s+.*$/i, "");
  // The outlet a freelancer wrote for: "Amy Fenwick For Beacononline", "Ana Ruiz for The Daily Example".
  value = value.replace(/^(\S+\s+\S.*?)\s+for\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}.'’ -]*$/iu, "$1");
  // "Ana Ruiz (with Tom Lee and Eva Sá)": the parenthesis holds more names.
  value = value.replace(/\(\s*(?:avec|with|mit|con|com)\s+([^)]*)\)/gi, ", $1");
  const parts = value
    .split(/\s*(?:,|;|\||•|·|\/|\s&\s|\s+and\s+|\s+with\s+|\s+y\s+|\s+und\s+|\s+et\s+|\s+e\s+|\n)\s*|\s+[–—-]\s+/i)
    .map((part) => part.replace(/^(?:and|&|und|et|y|e)\s+/i, ""))
    .map(stripByPrefix)
    .map((part) => part.replace(/\s+in\s+\p{Lu}[\p{L} ]*$/u, ""))
    .map(stripTrailingRole)
    .map((part) => part.replace(/^[\s:'"“”‘’.,-]+|[\s:'"“”‘’.,-]+$/g, "").trim());
  return parts.filter(Boolean);
}

function stripByPrefix(text: string): string {
  return (
    text
      .replace(
        /^(?:(?:written|words|story|text|reporting|report|reported|compiled|edited|photos?|interview)\s+)?(?:by|from|von|por|par|di|door|av|af)\s*[:\s]\s*/i,
        "",
      )
      .replace(/^(?:author|authors|words|text|byline|reporter|writer)\s*:\s*/i, "")
      // Link texts around an author's name: "More Ana Ruiz", "More from Ana Ruiz", "All posts by Ana Ruiz".
      .replace(
        /^(?:more(?:\s+(?:from|by))?|(?:view\s+)?all\s+(?:posts|articles|stories)\s+by|(?:posts|articles|stories)\s+by|follow)\s+(?=\p{Lu})/iu,
        "",
      )
  );
}

/** "Ana Ruiz Senior Correspondent" (a name and its role in one run of text) → "Ana Ruiz". */
function stripTrailingRole(text: string): string {
  const tokens = text.split(/\s+/);
  let cut = tokens.length;
  while (cut > 0 && ROLE_WORDS.has(tokens[cut - 1].toLowerCase().replace(/[,.]$/, ""))) cut--;
  if (cut === tokens.length || cut === 0) return text;
  const tail = tokens.slice(cut).join(" ");
  return ROLE_NOUN.test(tail) && cut >= 2 ? tokens.slice(0, cut).join(" ") : text;
}

type Kind = "person" | "organisation" | "none";

function classify(
  name: string,
  site: SiteNames,
  options: { single: boolean; organisation?: boolean; person?: boolean },
): Kind {
  if (name.length < 2 || name.length > 60) return "none";
  if (!/\p{L}/u.test(name) || /\d/.test(name) || /[<>{}[\]=#@]|:\/\//.test(name)) return "none";
  if (MONTH.test(name) && /\d/.test(name)) return "none";
  if (UI_WORDS.test(name) || BOILERPLATE.test(name)) return "none";
  if (isRole(name)) return "none";
  if (ORG_WORD.test(name)) return "none";
  // A personal site's author is its name: a JSON-LD Person ("Haki Benita" as publisher too), or a person-shaped
  // name that only the domain spells ("Steph Ango" on stephango.com, which declares no other site name).
  const match = options.person ? undefined : siteMatch(name, site);
  if (match === "name" || (match === "domain" && !PERSON_SHAPE.test(name))) return "none";
  if (BOARD.test(name)) return "organisation";
  if (WIRE.test(name) || options.organisation) return "none";
  const tokens = name.split(/\s+/);
  if (tokens.length > 6) return "none";
  // A JSON-LD Person's one-word name is deliberate, even a lower-case pen name ("theahura").
  if (options.person && tokens.length === 1) return "person";
  // Where letters have case, a name has a capital ("updated yesterday", "share this" are not names).
  if (/[a-zA-Z]/.test(name) && !/\p{Lu}/u.test(name)) return "none";
  // A single word from running byline text is more often a place or a section than a person.
  if (tokens.length === 1 && !options.single) return "none";
  // Names have no lower-case words but particles ("Ana de la Cruz", "Ludwig van Beethoven"): "Join our program" is not one.
  if (tokens.some((token) => /^\p{Ll}/u.test(token) && !PARTICLES.has(token))) return "none";
  return "person";
}

/** "Senior Correspondent", "Games Editor", "Chief White House Correspondent": a role, not a name. */
function isRole(name: string): boolean {
  const tokens = name.toLowerCase().split(/\s+/);
  if (tokens.every((token) => ROLE_WORDS.has(token.replace(/[,.]$/, ""))) && ROLE_NOUN.test(name)) return true;
  // "Staff Attorney", "Policy Director": a short phrase that ends in a role noun (a surname rarely is one).
  return tokens.length <= 4 && ROLE_NOUN.test(tokens[tokens.length - 1]);
}

/** "GILLIAN MOHNEY" (a byline set in capitals) → "Gillian Mohney"; a name with any lower case is left as written. */
function unshout(name: string): string {
  if (name !== name.toUpperCase() || name === name.toLowerCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase().normalize("NFKC");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first byline with people in it; else the first with an organisation; else nothing. */
export function chooseByline(bylines: Iterable<Byline>): string | undefined {
  let fallback: Byline | undefined;
  for (const byline of bylines) {
    if (byline.people.length) return byline.people.join(", ");
    if (!fallback && byline.organisations.length) fallback = byline;
  }
  return fallback?.organisations.join(", ");
}

/** citation_author and dc.creator write "Doe, Jane": one name per tag, turned around. */
export function invertedName(text: string): string {
  const match = /^\s*([^,]+),\s*([^,]+?)\s*$/.exec(text);
  return match && !/\s(?:and|&)\s/i.test(text) ? `${match[2]} ${match[1]}` : text;
}
