import { VERDICT_SCALE, VERDICTS } from "@/lib/domain/annotation";
import type { Series } from "./StackedColumns";

/** The verdicts in scale order, then claims and denials not (yet) rated: the series of every verdict chart. */
export const VERDICT_SERIES: Series[] = [
  ...VERDICTS.map((verdict) => ({ key: verdict, label: VERDICT_SCALE[verdict].label })),
  { key: "unrated", label: "Not rated" },
];
