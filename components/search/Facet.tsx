import Link from "next/link";
import type { FacetCount } from "@/lib/views/search-view";
import { searchHref, type SearchParams } from "./search-href";

type Props = {
  name: "kind" | "verdict" | "status" | "speaker";
  title: string;
  counts: FacetCount[];
  /** The counts are estimates from a sample (a search matching very many annotations). */
  estimated: boolean;
  params: SearchParams;
  label: (value: string) => string;
};

/**
 * One facet: a link per value with its count (over the matches under the other filters), the
 * chosen one marked as current, and "Any" to drop it. Links keep every other parameter.
 */
export function Facet({ name, title, counts, estimated, params, label }: Props) {
  const chosen = params[name];
  // A chosen value with no match left still shows (count 0), so it can be seen and dropped.
  const shown =
    chosen && !counts.some((entry) => entry.value === chosen) ? [...counts, { value: chosen, count: 0 }] : counts;
  return (
    <section className="search-facet" aria-labelledby={`facet-${name}`}>
      <h3 id={`facet-${name}`}>{title}</h3>
      <ul>
        <li>
          <Link href={searchHref(params, { [name]: undefined })} aria-current={chosen ? undefined : "true"}>
            Any
          </Link>
        </li>
        {shown.map((entry) => (
          <li key={entry.value}>
            <Link
              href={searchHref(params, { [name]: entry.value })}
              aria-current={chosen === entry.value ? "true" : undefined}
              data-testid={`facet-${name}-${entry.value}`}
            >
              {label(entry.value)}{" "}
              <span className="count">
                ({estimated && entry.count > 0 ? "about " : ""}
                {entry.count.toLocaleString("en-US")})
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
