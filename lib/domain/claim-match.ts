import { DOWN, OPPOSITES, UP } from "./claim-lexicon";
import { oppositeOf, stancesOf, type Figure, type NormalisedClaim } from "./claim-text";

/**
 * The different-figure rule and the match score (decision 030). Pure: the
 * weights of terms (inverse document frequency) come from the caller.
 *
 * - "same": the two make the same assertion (shown under "Checked before").
 * - "different-figure": strong word overlap, but a figure, date, name or the
 *   direction (rose/fell) differs: "similar wording, different figure", never
 *   shown as a match.
 * - "unrelated": not worth showing.
 */
export type ClaimRelation = "same" | "different-figure" | "unrelated";
export type ClaimMatch = { score: number; relation: ClaimRelation; conflict: "figure" | "name" | "direction" | null };

export type MatchOptions = {
  /** A term's weight, e.g. its inverse document frequency among the candidates. */
  weight: (term: string) => number;
  /** The database's relevance for this candidate, 0–1 (1 = the best candidate). */
  relevance?: number;
  /** The post's sentences, each normalised (normaliseSentences), when it has more than one. */
  sentences?: NormalisedClaim[];
  /**
   * The earlier claim's speaker, as terms (normaliseClaim(speaker).terms): a post naming who said it ("Kwame Asante
   * dropped this on a podcast") names no other thing than the claim does.
   */
  speaker?: string[];
  /**
   * How near in meaning a term of the earlier claim and one of the post's are (cosine of word vectors, 0 when
   * either has none): "slayings" for "murders" where the lexicon has no such synonym. Without it, only shared
   * terms count.
   */
  similarity?: (claimTerm: string, postTerm: string) => number;
};

/** Tuned on the dev split of tests/fixtures/claims (decision 030 has the figures). */
export const MATCH_TUNING = {
  /** score = coverage·a + dice·b + figures·c + relevance·d (word bigrams measured no better on dev: left out) */
  coverage: 0.55,
  dice: 0.25,
  figures: 0.1,
  relevance: 0.1,
  /**
   * A term of the earlier claim the post does not repeat counts `near` × its nearness × its weight as shared when
   * the post has a term at least `nearAt` near it (word vectors; decision 030, "Word vectors"). Not for the claim's
   * names or direction words: "Spain" is near "France" and "fell" near "rose", and the rules below read those.
   */
  nearAt: 0.55,
  near: 0.7,
  /** Below this, "unrelated". */
  sameAt: 0.3,
  /** A conflicting pair with at least this much of the earlier claim's words is "different-figure". */
  differentAt: 0.45,
  /** The name rule applies when the post repeats at least this share of the earlier claim's other words. */
  nameRuleAt: 0.7,
  /**
   * The direction rule likewise. Not tuned: no post of the dev split goes the other way from its claim, so it takes
   * the name rule's share; every dev near-miss of another direction repeats all of its claim's other words.
   */
  directionRuleAt: 0.7,
  /** How much a figure weighs in coverage and dice against a word of the same rarity (0: figures are no words). */
  figureTerms: 1,
  /**
   * The rules read figures, names and direction only from the post's sentences that repeat at least this share (by
   * weight) of the earlier claim's words: "we did it the same way in 2007" around a claim about 2008 is chatter.
   */
  aboutAt: 0.1,
};

/** The terms the direction rule reads: up, down and each side of OPPOSITES. */
const DIRECTION_TERMS: ReadonlySet<string> = new Set([UP, DOWN, ...OPPOSITES.flat()]);

/** A figure as a term, for its weight among the candidates ("percent:20", "number:9:h"). */
export function figureTerm(figure: Figure): string {
  return `${family(figure)}:${figure.value}${figure.unit && figure.kind !== "currency" ? `:${figure.unit}` : ""}`;
}

export function matchClaims(
  query: NormalisedClaim,
  candidate: NormalisedClaim,
  { weight, relevance = 0, sentences, speaker = [], similarity }: MatchOptions,
  tuning = MATCH_TUNING,
): ClaimMatch {
  const q = new Set(query.terms);
  const c = new Set(candidate.terms);
  const total = (terms: Iterable<string>) => {
    let sum = 0;
    for (const term of terms) sum += weight(term);
    return sum;
  };
  const shared = [...q].filter((term) => c.has(term));
  // A figure both repeat is evidence like a shared word, weighed by how many candidates give it (rounding allowed).
  const figureWeight = (figures: Figure[]) => total(figures.map(figureTerm)) * tuning.figureTerms;
  const sharedFigures = candidate.figures.filter((x) => query.figures.some((y) => sameFigure(x, y)));
  const sharedWeight =
    total(shared) + figureWeight(sharedFigures) + nearWeight(q, c, candidate.names, weight, similarity, tuning);
  const qWeight = total(q) + figureWeight(query.figures);
  const cWeight = total(c) + figureWeight(candidate.figures);
  const coverage = cWeight > 0 ? sharedWeight / cWeight : 0;
  const dice = qWeight + cWeight > 0 ? (2 * sharedWeight) / (qWeight + cWeight) : 0;
  const figures = figureAgreement(query.figures, candidate.figures);
  const score = clamp(
    tuning.coverage * coverage + tuning.dice * dice + tuning.figures * (figures ?? 0.5) + tuning.relevance * relevance,
  );
  // Of the earlier claim's words other than `own`, the share (by weight) the post repeats.
  const repeated = (own: ReadonlySet<string>) => {
    const plain = [...c].filter((term) => !own.has(term));
    const plainWeight = total(plain);
    return plainWeight > 0 ? total(plain.filter((term) => q.has(term))) / plainWeight : 1;
  };
  const read = aboutClaim(query, candidate, sentences, total, tuning.aboutAt);
  const about = speaker.length ? { ...read, names: read.names.filter((name) => !speaker.includes(name)) } : read;
  let conflict = conflictOf(about, candidate);
  // Another direction is another assertion only in the same wording ("unemployment fell 20 %" for "…rose 20 %"): a
  // long post that rewords the claim says what else went up or down around it ("my rent went up, and…").
  if (conflict === "direction" && repeated(DIRECTION_TERMS) < tuning.directionRuleAt)
    conflict = namesConflict(about, candidate) ? "name" : null;
  // Another name is another assertion only when it stands in for the earlier claim's name in the same wording
  // ("France's economy grew 4 %" for "Germany's…"): a post that rewords the claim names more things around it.
  // A direction the post has just been let off (above) is no word it failed to repeat.
  const letOff =
    (about.direction && candidate.direction && about.direction !== candidate.direction) ||
    opposed(about.stances, candidate.stances);
  const own = letOff ? DIRECTION_TERMS : new Set<string>();
  if (conflict === "name" && repeated(new Set([...candidate.names, ...own])) < tuning.nameRuleAt) conflict = null;
  if (conflict) {
    const similar = coverage >= tuning.differentAt;
    return { score, relation: similar ? "different-figure" : "unrelated", conflict };
  }
  return { score, relation: score >= tuning.sameAt ? "same" : "unrelated", conflict: null };
}

/**
 * The weight the post earns for the earlier claim's terms it does not repeat but has a near term for
 * (MatchOptions.similarity): only its terms the claim does not have stand in, so a word that matched once does
 * not match twice.
 */
function nearWeight(
  q: ReadonlySet<string>,
  c: ReadonlySet<string>,
  names: readonly string[],
  weight: (term: string) => number,
  similarity: MatchOptions["similarity"],
  tuning: typeof MATCH_TUNING,
): number {
  if (!similarity) return 0;
  const spare = [...q].filter((term) => !c.has(term) && !DIRECTION_TERMS.has(term));
  let sum = 0;
  for (const term of c) {
    if (q.has(term) || DIRECTION_TERMS.has(term) || names.includes(term)) continue;
    let nearest = 0;
    for (const other of spare) nearest = Math.max(nearest, similarity(term, other));
    if (nearest >= tuning.nearAt) sum += tuning.near * nearest * weight(term);
  }
  return sum;
}

/**
 * The part of a post the rules read: its figures, names and direction from the sentences that repeat at least `at`
 * of the earlier claim's words (by weight), its terms whole (a name repeated anywhere is repeated). A one-sentence
 * post, or one where no sentence reaches `at`, is read whole.
 */
function aboutClaim(
  query: NormalisedClaim,
  candidate: NormalisedClaim,
  sentences: NormalisedClaim[] | undefined,
  total: (terms: Iterable<string>) => number,
  at: number,
): NormalisedClaim {
  if (!sentences || sentences.length < 2) return query;
  const c = new Set(candidate.terms);
  const whole = total(c);
  const kept = sentences.filter(
    (sentence) => total(new Set(sentence.terms.filter((term) => c.has(term)))) >= at * whole,
  );
  if (kept.length === 0 || kept.length === sentences.length) return query;
  const figures: Figure[] = [];
  for (const figure of kept.flatMap((sentence) => sentence.figures))
    if (!figures.some((f) => f.kind === figure.kind && f.value === figure.value && f.unit === figure.unit))
      figures.push(figure);
  const count = (said: (sentence: NormalisedClaim) => boolean) => kept.filter(said).length;
  const ups = count((sentence) => sentence.direction === "up");
  const downs = count((sentence) => sentence.direction === "down");
  return {
    ...query,
    figures,
    names: [...new Set(kept.flatMap((sentence) => sentence.names))],
    direction: ups > downs ? "up" : downs > ups ? "down" : null,
    stances: stancesOf(kept.flatMap((sentence) => sentence.stances)),
  };
}

/** What makes two similar wordings different assertions, or null. */
export function conflictOf(a: NormalisedClaim, b: NormalisedClaim): ClaimMatch["conflict"] {
  if (figuresConflict(a.figures, b.figures)) return "figure";
  if (a.direction && b.direction && a.direction !== b.direction) return "direction";
  if (opposed(a.stances, b.stances)) return "direction";
  if (namesConflict(a, b)) return "name";
  return null;
}

/** One takes a side the other takes the opposite of ("best" / "worst", "support" / "oppose"). */
function opposed(a: string[], b: string[]): boolean {
  return a.some((side) => b.includes(oppositeOf(side)!));
}

/** Each side names something the other does not. */
function namesConflict(a: NormalisedClaim, b: NormalisedClaim): boolean {
  const aTerms = new Set(a.terms);
  const bTerms = new Set(b.terms);
  const onlyA = a.names.filter((name) => !bTerms.has(name));
  const onlyB = b.names.filter((name) => !aTerms.has(name));
  return onlyA.length > 0 && onlyB.length > 0;
}

/** Figure kinds compared with each other (an amount in words and one with a sign are both amounts). */
function family(figure: Figure): string {
  return figure.kind === "currency" ? "number" : figure.kind;
}

/** One figure, allowing for rounding ("almost 30,000" vs "29,437"; "1.23 million" vs "1.2 million"). */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (family(a) !== family(b)) return false;
  if (a.unit && b.unit && a.unit !== b.unit) return false;
  if (a.kind === "year" || a.kind === "date" || a.kind === "rate") return a.value === b.value;
  const x = Number(a.value);
  const y = Number(b.value);
  return x === y || Math.abs(x - y) <= 0.025 * Math.max(Math.abs(x), Math.abs(y));
}

/** Both sides give a figure of one kind and none of them agree: "rose 20 %" vs "rose 12 %". */
export function figuresConflict(a: Figure[], b: Figure[]): boolean {
  for (const kind of new Set(a.map(family))) {
    const left = a.filter((f) => family(f) === kind);
    const right = b.filter((f) => family(f) === kind);
    if (right.length === 0) continue;
    // Every figure on the side that gives fewer must be on the other: "top 1 % pay half" vs "top 10 % pay half".
    const [fewer, more] = left.length <= right.length ? [left, right] : [right, left];
    if (!fewer.every((x) => more.some((y) => sameFigure(x, y)))) return true;
  }
  return false;
}

/** Share of the candidate's figures the query repeats (null when either has none). */
function figureAgreement(query: Figure[], candidate: Figure[]): number | null {
  if (query.length === 0 || candidate.length === 0) return null;
  return candidate.filter((x) => query.some((y) => sameFigure(x, y))).length / candidate.length;
}

function clamp(value: number): number {
  return Math.max(0, Math.min(1, value));
}
