/**
 * Facet counts from the matches grouped by kind × verdict × status (lib/server/search/search-filters.ts,
 * facetSql), the standard way: each facet counts the matches under every filter but its own, so the
 * other values of a chosen facet stay visible with what choosing them would give.
 */
export type FacetCombo = {
  kind: string | null;
  verdict: string | null;
  status: string | null;
  /** With a speaker chosen: whether these matches are that speaker's ("yes"/"no"); else null. */
  speaker: string | null;
  count: number;
};
export type FacetChoice = { kind?: string; verdict?: string; status?: string; speaker?: string };
export type FacetCount = { value: string; count: number };
type Counted = "kind" | "verdict" | "status";

const COUNTED: Counted[] = ["kind", "verdict", "status"];

export function facetCounts(
  combos: FacetCombo[],
  choice: FacetChoice,
): { total: number } & Record<Counted, FacetCount[]> {
  const passes = (combo: FacetCombo, except?: Counted) =>
    COUNTED.every((facet) => facet === except || !choice[facet] || combo[facet] === choice[facet]) &&
    (!choice.speaker || combo.speaker === "yes");
  const countBy = (facet: Counted): FacetCount[] => {
    const counts = new Map<string, number>();
    for (const combo of combos) {
      const value = combo[facet];
      if (value !== null && passes(combo, facet)) counts.set(value, (counts.get(value) ?? 0) + combo.count);
    }
    return sortCounts([...counts].map(([value, count]) => ({ value, count })));
  };
  return {
    total: combos.filter((combo) => passes(combo)).reduce((sum, combo) => sum + combo.count, 0),
    kind: countBy("kind"),
    verdict: countBy("verdict"),
    status: countBy("status"),
  };
}

/** Most first, then by value, so the order is stable. */
export function sortCounts(counts: FacetCount[]): FacetCount[] {
  return counts.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
