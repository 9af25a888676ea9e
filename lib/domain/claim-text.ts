import {
  MONTH_INDEX,
  UNITS,
  TENS,
  SCALES,
  SHOUTED,
  LARGE_SCALES,
  FRACTIONS,
  CURRENCY_SIGNS,
  CURRENCY_WORDS,
  UP,
  DOWN,
  OPPOSITES,
  SYNONYMS,
  MEASURES,
  NEGATIONS,
  EXPANSIONS,
  ABBREVIATIONS,
  PHRASES,
  MULTIPLIERS,
  conceptIndex,
} from "./claim-lexicon";
import { PLACE_NAMES } from "./place-names";
import { STOP_WORDS } from "./stop-words";

/**
 * The claim normaliser (decision 030): what two wordings of one assertion have
 * in common once case, punctuation, quotes, dashes, diacritics, possessives,
 * stop words and the many ways of writing a number or a date are set aside.
 * Pure; the matcher (claim-match.ts) and the "Checked before" query use it.
 */

/** `rate`: the period an amount is per ("£1,200 a week", "4 mm every year", "weekly"): its value is the period. */
export type FigureKind = "percent" | "currency" | "year" | "date" | "number" | "rate";
/** A figure with its unit: `value` is canonical (20 → "20", 1.2 million → "1200000", March 2021 → "2021-03"). */
export type Figure = { kind: FigureKind; value: string; unit?: string };

export type NormalisedClaim = {
  /** Content terms, lower case, stemmed and mapped to a canonical synonym, in text order (repeats kept). */
  terms: string[];
  /** Every number, percentage, amount, year and date, canonical. */
  figures: Figure[];
  /** Capitalised words not opening a sentence, from the original text (lower case, no diacritics). */
  names: string[];
  /**
   * "up" / "down" when the claim says something rose or fell (the words that flip an assertion); null when it says
   * neither, or both ("it boils at a lower temperature the higher up you go": which is the assertion, words cannot tell).
   */
  direction: "up" | "down" | null;
  /** The sides it takes on the other axes (OPPOSITES: "best" or "worst", "support" or "oppose"), one each at most. */
  stances: string[];
  /** Negated ("not", "never", "no")? */
  negated: boolean;
  /** Plain words for a full-text query: the surface words and their canonical forms, no stop words. */
  queryWords: string[];
};

/** "#EndChildPoverty" → "end child poverty": a tag's words count, but never as names. */
function tagWords(tag: string): string {
  return ` ${tag
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .toLowerCase()} `;
}

const XML_ESCAPES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };

/**
 * Straight quotes, plain hyphens, no diacritics, NFKC digits; case kept (names need it). A post's links go,
 * its hashtags and @mentions become plain lower-case words, and a few phrases become one word (PHRASES).
 */
export function foldText(text: string): string {
  let folded = text
    // Posts copied from a feed keep its escapes ("Obama &amp; Biden"): the five XML ones, not HTML at large.
    .replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => XML_ESCAPES[name])
    // A link written without its scheme goes too: "pic.twitter.com/…", "t.co/…", "bit.ly/…" (a domain, then a path).
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\b(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}\/\S*/giu, " ")
    // A thread's numbering ("(2/3)", "1/", "… 3/3" at the end) is no figure of the claim's.
    .replace(/\(\d{1,2}\/\d{1,2}\)|(?<!\S)\d{1,2}\/(?!\S)|(?<!\S)\d{1,2}\/\d{1,2}\s*$/gu, " ")
    // Tags and mentions opening a post ("#COVID19 #StayHome Drinking…", "RT @user: Drinking…") stand apart from the
    // sentence after them: its first word opens a sentence, and is no name for its capital.
    .replace(
      /^(\s*(?:RT\s+)?(?:[#@][\p{L}\p{N}_]+[\s:,]*)+)(?=\p{Lu})/u,
      (opening) => `${opening.replace(/[\s:,]+$/, "")}. `,
    )
    .replace(/[#@]([\p{L}\p{N}_]+)/gu, (_, tag: string) => tagWords(tag.replace(/_/g, " ")));
  for (const [phrase, replacement] of PHRASES) folded = folded.replace(phrase, replacement);
  return (
    folded
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/\u00A0|\u202F/g, " ")
      .replace(/ß/g, "ss")
      .replace(/æ/g, "ae")
      .replace(/ø/g, "o")
      .replace(/ł/g, "l")
      // One name for each of the two countries most often written three ways.
      .replace(/\b(?:the )?United States(?: of America)?\b|\bU\.S\.(?:A\.)?/g, "US")
      .replace(/\b(?:the )?United Kingdom\b|\bU\.K\./g, "UK")
      .replace(ABBREVIATIONS, (short) => EXPANSIONS[short.toLowerCase().replace(/s$/, "")] ?? short)
      // Ordinals are their numbers: "20th July" is "20 July".
      .replace(/\b(\d+)(?:st|nd|rd|th)\b/g, "$1")
      // A year cut to two digits is the year: "'69" is 1969, "in '19" 2019 (up to '39 this century).
      .replace(
        /(^|[\s(/])'(\d\d)\b(?!')/g,
        (_, before: string, year: string) => `${before}${Number(year) <= YEAR_PIVOT ? "20" : "19"}${year}`,
      )
  );
}

/** `a` when only the words for it were seen, `b` likewise, else null (neither, or both). */
function oneWay<A, B>(aCount: number, bCount: number, a: A, b: B): A | B | null {
  if (aCount > 0 && bCount === 0) return a;
  if (bCount > 0 && aCount === 0) return b;
  return null;
}

/**
 * A year: 1800–2099 anywhere, and 1000–2199 after a word that leads to a year ("sealed in 1215", "double by 2100"):
 * as a plain number, 1225 and 1215 were one figure within rounding.
 */
function isYear(word: string, before: string | undefined): boolean {
  if (/^(1[89]|20)\d\d$/.test(word)) return true;
  return /^(1\d|2[01])\d\d$/.test(word) && YEAR_LEADS.has(before ?? "");
}
const YEAR_LEADS = new Set(["in", "by", "since", "until", "till", "before", "after", "from", "of", "circa", "around"]);

const SIDES = new Set(OPPOSITES.flat());

/** Of the sides seen (with repeats), those whose opposite was not seen: a text taking both takes neither. */
export function stancesOf(sides: readonly string[]): string[] {
  const seen = new Set(sides);
  return [...seen].filter((side) => !seen.has(oppositeOf(side)!));
}

/** The other side of a side's axis (OPPOSITES), or undefined for a word on none. */
export function oppositeOf(side: string): string | undefined {
  const pair = OPPOSITES.find((axis) => axis.includes(side));
  return pair && (pair[0] === side ? pair[1] : pair[0]);
}

/** "'39" and below are this century's years, "'40" and above the last's. */
const YEAR_PIVOT = 39;

/** A light English stemmer: enough to make plurals and verb forms agree without a dependency. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  const before = w;
  if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  // "banned" is "ban", "stopping" "stop": a consonant doubled before the ending is one.
  if (w !== before && /([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith("ly") && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith("ation") && w.length > 7) w = w.slice(0, -5);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  if (/([^aeiouslz])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

const CONCEPTS = conceptIndex(stem);

/**
 * The term a synonym's canonical word stands for: the term that word makes when written itself ("cops" is
 * "police", and "police" is the term "polic"; "EU" is "europe", and "Europe" is "europ"). Directions and sides
 * stay as they are: the rules read them by name.
 */
function termOfSynonym(word: string): string {
  if (word === UP || word === DOWN || SIDES.has(word)) return word;
  return CONCEPTS.get(stem(word))?.term ?? stem(word);
}
/** Each canonical term's words in SYNONYMS (the directions', read apart, aside). */
const SYNONYM_WORDS = new Map<string, string[]>();
for (const [word, canonical] of Object.entries(SYNONYMS))
  if (canonical !== UP && canonical !== DOWN)
    SYNONYM_WORDS.set(canonical, [...(SYNONYM_WORDS.get(canonical) ?? []), word]);

type Token = { word: string; raw: string; start: number; sentenceStart: boolean };

function tokens(folded: string): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  const pattern =
    /([£$€¥₹])|(\d+(?:,\d{3})*(?:\.\d+)?(?:k|m|mn|bn|b|tn)?(?![\p{L}\d]))|(\d+)|([\p{L}][\p{L}\p{N}]*(?:'[\p{L}\p{N}]+)*)|(%)|([.!?:;]+(?=\s|$)|\n)|#|@/gu;
  for (const match of folded.matchAll(pattern)) {
    const [raw, sign, numberOrAmount, digitsOnly, word, percent, stop] = match;
    const number = numberOrAmount ?? digitsOnly;
    if (stop) {
      sentenceStart = true;
      continue;
    }
    const text = sign ?? number ?? word ?? percent;
    if (!text) continue;
    out.push({ word: text.toLowerCase(), raw, start: match.index, sentenceStart });
    if (word || number) sentenceStart = false;
  }
  return out;
}

/**
 * "twenty-three" → 23, "one hundred and five" → 105, "two million" → 2000000, "a hundred" → 100, "half a million" →
 * 500000 (null if none). Two number words in a row make one number only as tens then a unit ("twenty three"):
 * "nine. NINE." is nine said twice, not 18.
 */
function wordNumber(words: string[], from: number): { value: number; used: number } | null {
  const scale = (word: string | undefined) =>
    word !== undefined && word in SCALES && LARGE_SCALES.has(word) && word.length > 2 ? SCALES[word] : null;
  if (words[from] === "half" && words[from + 1] === "a" && scale(words[from + 2]))
    return { value: scale(words[from + 2])! / 2, used: 3 };
  if (words[from] === "a" && (words[from + 1] === "hundred" || scale(words[from + 1]))) {
    const rest = wordNumber(["one", ...words.slice(from + 1)], 0);
    if (rest) return rest;
  }
  let total = 0;
  let current = 0;
  let used = 0;
  let any = false;
  let last: "unit" | "tens" | "other" | null = null;
  for (let i = from; i < words.length; i++) {
    const parts = words[i].split("-");
    if (parts.every((p) => p in UNITS || p in TENS)) {
      const unitAfterTens = last === "tens" && parts.length === 1 && parts[0] in UNITS && UNITS[parts[0]] < 10;
      if (last === "unit" || (last === "tens" && !unitAfterTens)) break;
      for (const p of parts) current += UNITS[p] ?? TENS[p];
      any = true;
      last = parts.length === 1 && parts[0] in TENS ? "tens" : "unit";
    } else if (any && words[i] === "hundred") {
      current *= 100;
      last = "other";
    } else if (any && scale(words[i])) {
      total += current * scale(words[i])!;
      current = 0;
      last = "other";
    } else if (
      any &&
      words[i] === "and" &&
      i + 1 < words.length &&
      /^(?:[a-z]+-)?[a-z]+$/.test(words[i + 1]) &&
      words[i + 1].split("-").every((p) => p in UNITS || p in TENS)
    ) {
      used++;
      last = "other";
      continue;
    } else break;
    used++;
  }
  return any ? { value: total + current, used } : null;
}

function canonicalNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return String(rounded);
}

/** A rate's period at most this many words after its figure ("£8 million a day", "£1,200 in benefits every week"). */
const RATE_REACH = 4;
const RATE_LEADS = new Set(["a", "an", "per", "each", "every"]);
const DURATION_LEADS = new Set(["in", "within", "for", "over", "than", "under", "about", "nearly", "almost"]);
const PERIODS: Record<string, string> = {
  day: "day",
  week: "week",
  month: "month",
  year: "year",
  annum: "year",
  decade: "decade",
};
const PERIOD_ADVERBS: Record<string, string> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  yearly: "year",
  annually: "year",
};

const SENTENCES = new Intl.Segmenter("en", { granularity: "sentence" });

/** "NHS", "USA's": a word in capitals (two letters or more). */
function isAllCapitals(raw: string): boolean {
  return /^\p{Lu}{2,}$/u.test(raw.replace(/'s$/, ""));
}

/** Most of a text's words in capitals ("THEY ARE LYING ABOUT THE JOBS FIGURES"): its capitals name nothing. */
function isShouted(toks: Token[]): boolean {
  const lettered = toks.filter((tok) => /^\p{L}{2,}/u.test(tok.raw));
  return lettered.length >= 4 && lettered.filter((tok) => isAllCapitals(tok.raw)).length >= 0.6 * lettered.length;
}

/** A post's sentences, each normalised on its own (what claim-match reads the rules from; one sentence: none). */
export function normaliseSentences(text: string): NormalisedClaim[] {
  const sentences = [...SENTENCES.segment(text)].map((part) => part.segment.trim()).filter(Boolean);
  return sentences.length > 1 ? sentences.map(normaliseClaim) : [];
}

/** Normalise a claim for matching: content terms, figures, names, direction. */
export function normaliseClaim(text: string): NormalisedClaim {
  const folded = foldText(text);
  const toks = tokens(folded);
  const words = toks.map((t) => t.word.replace(/'s$|'$/, ""));
  const shouting = isShouted(toks);
  const figures: Figure[] = [];
  const terms: string[] = [];
  const queryWords: string[] = [];
  const names: string[] = [];
  let up = 0;
  let down = 0;
  const sides: string[] = [];
  let negated = false;

  const addFigure = (figure: Figure) => {
    if (!figures.some((f) => f.kind === figure.kind && f.value === figure.value)) figures.push(figure);
  };

  // Where the last figure ended (a rate belongs to a figure a few words before it).
  let figuresSeen = 0;
  let lastFigureAt = -Infinity;
  for (let i = 0; i < toks.length; i++) {
    const word = words[i];
    const tok = toks[i];
    if (figures.length !== figuresSeen) [figuresSeen, lastFigureAt] = [figures.length, i - 1];
    // "£1,200 a week" is not "£1,200 a month": the period a figure is per is a figure of its own. Only right after
    // a figure ("… every day" elsewhere is no rate), and "in a year", "for a decade" are durations, not rates.
    const afterFigure = i - lastFigureAt <= RATE_REACH;
    if (afterFigure && RATE_LEADS.has(word) && words[i + 1] in PERIODS && !DURATION_LEADS.has(words[i - 1] ?? "")) {
      addFigure({ kind: "rate", value: PERIODS[words[i + 1]] });
      continue;
    }
    if (afterFigure && word in PERIOD_ADVERBS) addFigure({ kind: "rate", value: PERIOD_ADVERBS[word] });
    // "every second new home", "every other child": half of them, as "one in two".
    if (
      word === "every" &&
      /^(?:second|other)$/.test(words[i + 1] ?? "") &&
      /^\p{L}+$/u.test(words[i + 2] ?? "") &&
      !STOP_WORDS.has(words[i + 2])
    ) {
      addFigure({ kind: "percent", value: "50" });
      terms.push("percent");
      i++;
      continue;
    }
    // A number: digits (1,200,000 / 1.2) or words (twenty-three), then an optional scale and unit.
    let value: number | null = null;
    let used = 1;
    let digits = false;
    // "doubled", "twice", "2x", "six times as many": how many times over.
    const times =
      MULTIPLIERS[word] ??
      (/^\d+(?:\.\d+)?$/.test(word) &&
      (/^(?:x|fold)$/.test(words[i + 1] ?? "") ||
        (words[i + 1] === "times" && /^(?:as|more|higher|bigger|faster|slower|what)$/.test(words[i + 2] ?? "")))
        ? Number(word)
        : null) ??
      (word in UNITS && words[i + 1] === "times" && /^(?:as|more|higher|bigger|what)$/.test(words[i + 2] ?? "")
        ? UNITS[word]
        : null);
    if (times !== null) {
      addFigure({ kind: "number", value: canonicalNumber(times), unit: "x" });
      if (!(word in SYNONYMS)) {
        i += word in MULTIPLIERS ? 0 : 1;
        continue;
      }
    } else if (word === "halved") addFigure({ kind: "percent", value: "50" });
    // "in a century" is "in 100 years", "the last decade" "the last 10 years".
    else if ((word === "century" || word === "decade") && /^(?:a|one|last|past)$/.test(words[i - 1] ?? ""))
      addFigure({ kind: "number", value: word === "century" ? "100" : "10", unit: "yr" });
    if (times !== null) {
      // "doubled" / "tripled" also say which way: read below as a direction word.
    } else if (/^\d/.test(word)) {
      const plain = word.replace(/,(?=\d{3}(?:\D|$))/g, "");
      value = Number(plain.replace(/,/g, ""));
      digits = true;
      if (Number.isNaN(value)) value = null;
    } else if (
      word !== "one" ||
      (i + 1 < toks.length && /^(?:hundred|thousand|million|billion|in)$/.test(words[i + 1]))
    ) {
      const spelled = wordNumber(words, i);
      if (spelled) ({ value, used } = spelled);
    }
    // "one in five" → 20 %, "half of" → 50 %.
    if (value !== null && words[i + used] === "in") {
      const denominator =
        wordNumber(words, i + used + 1) ??
        (/^\d+$/.test(words[i + used + 1] ?? "") ? { value: Number(words[i + used + 1]), used: 1 } : null);
      if (denominator && denominator.value > 0) {
        addFigure({ kind: "percent", value: canonicalNumber((100 * value) / denominator.value) });
        terms.push("percent");
        i += used + denominator.used;
        continue;
      }
    }
    if (value === null && word in FRACTIONS && (word === "half" || /^(?:a|one)$/.test(words[i - 1] ?? ""))) {
      addFigure({ kind: "percent", value: String(FRACTIONS[word]) });
      terms.push("percent");
      continue;
    }
    const sign = word.length === 1 && word in CURRENCY_SIGNS ? CURRENCY_SIGNS[word] : null;
    if (sign && i + 1 < toks.length && /^\d/.test(words[i + 1])) continue; // read with the number that follows
    if (value !== null) {
      let j = i + used;
      // 1.2 million / 3bn (the tokenizer splits "3bn" into a word with digits: handled below) / £3 billion
      const scaleWord = words[j];
      if (scaleWord && scaleWord in SCALES && (LARGE_SCALES.has(scaleWord) || scaleWord === "hundred")) {
        value *= SCALES[scaleWord];
        j++;
      }
      const before = i > 0 ? words[i - 1] : "";
      let currency = before.length === 1 && before in CURRENCY_SIGNS ? CURRENCY_SIGNS[before] : null;
      const next = words[j] ?? "";
      const after = words[j + 1] ?? "";
      if (
        next === "%" ||
        next === "percent" ||
        next === "pc" ||
        next === "pct" ||
        (next === "per" && after === "cent")
      ) {
        addFigure({ kind: "percent", value: canonicalNumber(value) });
        terms.push("percent");
        i = j + (next === "per" ? 1 : 0);
        continue;
      }
      if (!currency && next in CURRENCY_WORDS) {
        currency = CURRENCY_WORDS[next];
        j++;
      }
      if (currency) {
        addFigure({ kind: "currency", value: canonicalNumber(value), unit: currency });
        i = j - 1;
        continue;
      }
      // Dates: "3 March 2021", "March 2021", "2021-03", bare years.
      if (digits && Number.isInteger(value) && value >= 1 && value <= 31 && MONTH_INDEX.has(next)) {
        const year = words[j + 1];
        if (year && /^(1[89]|20)\d\d$/.test(year)) {
          addFigure({ kind: "date", value: `${year}-${pad(MONTH_INDEX.get(next)!)}-${pad(value)}` });
          addFigure({ kind: "year", value: year });
          i = j + 1;
          continue;
        }
      }
      if (digits && used === 1 && isYear(word, words[i - 1])) {
        const monthAfter = /^\d\d?$/.test(words[i + 1] ?? "") && folded[toks[i + 1].start - 1] === "-";
        if (monthAfter && Number(words[i + 1]) <= 12) {
          addFigure({ kind: "date", value: `${word}-${pad(Number(words[i + 1]))}` });
          i++;
        }
        addFigure({ kind: "year", value: word });
        continue;
      }
      const measure = MEASURES[words[j] ?? ""];
      // "four decades" is "40 years".
      if (measure === "decade") addFigure({ kind: "number", value: canonicalNumber(value * 10), unit: "yr" });
      else
        addFigure(
          measure
            ? { kind: "number", value: canonicalNumber(value), unit: measure }
            : { kind: "number", value: canonicalNumber(value) },
        );
      // "a hundred years" says what "a century" says, word for word too.
      if (measure === "yr" && (value === 100 || value === 10)) {
        const word = value === 100 ? "century" : "decade";
        terms.push(word);
        queryWords.push(word);
      }
      i = j - 1;
      continue;
    }
    // Amounts written "3bn" / "£3m" / "2k" come as one word with digits: split them here.
    const amount = /^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$/.exec(word);
    if (amount) {
      const before = i > 0 ? words[i - 1] : "";
      const v = Number(amount[1]) * SCALES[amount[2]];
      const currency = before.length === 1 && before in CURRENCY_SIGNS ? CURRENCY_SIGNS[before] : null;
      addFigure(
        currency
          ? { kind: "currency", value: canonicalNumber(v), unit: currency }
          : { kind: "number", value: canonicalNumber(v) },
      );
      continue;
    }
    if (MONTH_INDEX.has(word) && word.length > 2) {
      // "July 20 1969", the American order.
      const day = words[i + 1];
      const dayYear = words[i + 2];
      if (day && /^\d\d?$/.test(day) && Number(day) <= 31 && dayYear && /^(1[89]|20)\d\d$/.test(dayYear)) {
        addFigure({ kind: "date", value: `${dayYear}-${pad(MONTH_INDEX.get(word)!)}-${pad(Number(day))}` });
        addFigure({ kind: "year", value: dayYear });
        i += 2;
        continue;
      }
      const year = words[i + 1];
      if (year && /^(1[89]|20)\d\d$/.test(year) && (word !== "may" || tok.raw[0] === "M")) {
        addFigure({ kind: "date", value: `${year}-${pad(MONTH_INDEX.get(word)!)}` });
        addFigure({ kind: "year", value: year });
        i++;
        continue;
      }
    }
    if (NEGATIONS.has(word) || word.endsWith("n't")) {
      negated = true;
      continue;
    }
    if (word === "%" || (word.length === 1 && word in CURRENCY_SIGNS)) continue;
    if (STOP_WORDS.has(word) && !(word in SYNONYMS)) continue;
    if (NEGATIONS.has(word)) continue;
    if (word === "us" && tok.raw !== "US") continue;
    const synonym = SYNONYMS[word];
    const concept = synonym !== undefined ? undefined : CONCEPTS.get(stem(word));
    const canonical = synonym !== undefined ? termOfSynonym(synonym) : (concept?.term ?? stem(word));
    if (canonical === UP) up++;
    if (canonical === DOWN) down++;
    if (SIDES.has(canonical)) sides.push(canonical);
    if (canonical === UP || canonical === DOWN) {
      terms.push(canonical);
      queryWords.push(word);
      continue;
    }
    if (word.length < 2) continue;
    terms.push(canonical);
    queryWords.push(word.replace(/['-]/g, ""));
    // The index holds the earlier claim's own words: a post's "killings" also asks for "murder", and for the other
    // words SYNONYMS gives it ("kids" for "children": the index stems "children" apart from "child"). Not a concept
    // group's words: they are many, often rare, and took the place of the post's own (hard set, dev: recall@5 0.968
    // → 0.952 with them, 0.976 with the synonyms' alone).
    if (canonical !== stem(word)) {
      const said = synonym ?? canonical;
      if (/^\p{L}+$/u.test(said)) queryWords.push(said);
      if (!concept) queryWords.push(...(SYNONYM_WORDS.get(said) ?? []));
    }
    // "I'm", "I've": a capital that names no one; nor do capitals for emphasis ("This is FAKE", a shouted post).
    const place = PLACE_NAMES.has(word) || PLACE_NAMES.has(canonical);
    const emphasis = !place && isAllCapitals(tok.raw) && (shouting || SHOUTED.has(word));
    const capitalised = /^\p{Lu}/u.test(tok.raw) && !MONTH_INDEX.has(word) && !/^I'/.test(tok.raw) && !emphasis;
    // A capital opening a sentence is a name only when it is all capitals or possessive ("France's").
    if (capitalised && (!tok.sentenceStart || isAllCapitals(tok.raw) || /'s$/.test(tok.word) || place)) {
      names.push(canonical);
    }
  }
  for (const figure of figures) queryWords.push(...figureWords(figure));
  return {
    terms,
    figures,
    names: [...new Set(names)],
    direction: oneWay(up, down, "up", "down"),
    stances: stancesOf(sides),
    negated,
    queryWords: [...new Set(queryWords.filter((w) => /^[\p{L}\p{N}]+$/u.test(w)))],
  };
}

const SPELLED = new Map(Object.entries(UNITS).map(([word, n]) => [n, word]));
const FRACTION_WORDS = new Map(Object.entries(FRACTIONS).map(([word, n]) => [n, word]));
const MULTIPLIER_WORDS: Record<number, string[]> = { 2: ["doubled", "twice"], 3: ["tripled"], 4: ["quadrupled"] };

/**
 * Words the full-text index may hold for a figure, as a newsroom writes it: "400,000" is the words
 * "400" and "000" there, "£2.4 billion" is "2", "4" and "billion", "nine hours" and "a third" are words.
 */
export function figureWords(figure: Figure): string[] {
  if (figure.kind === "rate") return [];
  if (figure.kind === "year") return [figure.value];
  if (figure.kind === "date") return [figure.value.slice(0, 4)];
  const value = Number(figure.value);
  if (figure.unit === "x") return MULTIPLIER_WORDS[value] ?? [figure.value];
  const words: string[] = [];
  for (const [scale, name] of [
    [1e9, "billion"],
    [1e6, "million"],
  ] as const)
    if (value >= scale && value % (scale / 10) === 0) {
      words.push(String(Math.floor(value / scale)), name);
      break;
    }
  if (words.length === 0 && value >= 1000 && value < 1e6) words.push(String(Math.floor(value / 1000)));
  if (words.length === 0 && Number.isInteger(value)) words.push(String(value));
  if (SPELLED.has(value)) words.push(SPELLED.get(value)!);
  if (figure.kind === "percent" && FRACTION_WORDS.has(value)) words.push(FRACTION_WORDS.get(value)!);
  return words;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
