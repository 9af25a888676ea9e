"use client";

import { useEffect, useState } from "react";
import { VERDICT_SCALE, type Verdict } from "@/lib/domain/annotation";
import { checkedBeforeText } from "@/lib/domain/checked-before-text";
import type { AnnotationSummary, AnnotationView } from "@/lib/views/article-view";
import type { SimilarClaim } from "@/lib/views/similar-claim";
import { problem, fetchAnnotation, fetchSimilarClaims, reuseClaim } from "./requests";
import { ANNOTATION_STATUS_LABELS } from "./status";
import { useWorkbench } from "./state/WorkbenchProvider";

/** Wait this long after the words last changed before asking: a re-selection is often several quick changes. */
const DEBOUNCE_MS = 300;

/**
 * "Checked before" (decision 030): earlier rated claims and denials from other
 * articles that make the same assertion, and, under their own heading, those
 * with similar wording but a different figure, date or name: never offered as
 * a match. Reuse copies the verdict, rationale and sources through the ordinary
 * update (it stays a draft, still reviewed) and records the link.
 */
export function CheckedBefore({
  annotation,
  full,
  canEdit,
}: {
  annotation: AnnotationSummary;
  full: AnnotationView | null;
  canEdit: boolean;
}) {
  const { article, replace } = useWorkbench();
  const [answer, setAnswer] = useState<SimilarClaim[] | null>(null);
  const [failedRead, setFailedRead] = useState(false);
  const [reusing, setReusing] = useState<string | null>(null);
  const [error, setError] = useState("");
  const text = checkedBeforeText(annotation.quote);
  // Too short to match anything ("No"): nothing to show, and no request the server would refuse.
  const items = text === null ? [] : answer;
  const failed = text !== null && failedRead;

  useEffect(() => {
    if (text === null) return;
    let current = true;
    const timer = setTimeout(() => {
      fetchSimilarClaims(text, article.id)
        .then((found) => current && (setAnswer(found.items), setFailedRead(false)))
        .catch(() => current && setFailedRead(true));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, article.id]);

  async function reuse(item: SimilarClaim) {
    if (!full || reusing) return;
    setReusing(item.annotationId);
    setError("");
    try {
      const basis = await fetchAnnotation(item.annotationId);
      const saved = await reuseClaim(full.id, {
        version: full.version,
        verdict: basis.verdict,
        notRatedReason: null,
        rationale: basis.rationale,
        sources: basis.sources.map((source) => ({
          url: source.url,
          title: source.title,
          publisher: source.publisher,
          quote: source.quote,
          accessedAt: source.accessedAt?.slice(0, 10) ?? null,
          archiveUrl: source.archiveUrl,
        })),
        basedOnId: basis.id,
      });
      replace(saved, `Reused ${item.label} from “${item.articleTitle}”`, full.status);
    } catch (failure) {
      setError(problem(failure));
    } finally {
      setReusing(null);
    }
  }

  const same = items?.filter((item) => item.relation === "same") ?? [];
  const different = items?.filter((item) => item.relation === "different-figure") ?? [];
  const reusable = canEdit && full !== null && full.basedOnId == null;
  return (
    <section className="wb-checked-before" aria-labelledby="wb-checked-before-heading" data-testid="checked-before">
      <h3 id="wb-checked-before-heading">Checked before</h3>
      {failed && <p className="wb-hint">Could not look for earlier checks.</p>}
      {!failed && items === null && (
        <p className="wb-hint" aria-busy="true">
          Looking for earlier checks…
        </p>
      )}
      {items !== null && same.length === 0 && <p className="wb-hint">No earlier rated claim makes this assertion.</p>}
      {same.length > 0 && (
        <ul className="wb-checked-list">
          {same.map((item) => (
            <Item key={item.annotationId} item={item}>
              {reusable && (
                <button
                  type="button"
                  className="button small"
                  onClick={() => void reuse(item)}
                  disabled={reusing !== null}
                  // Named "Reuse", described by the item's "C1 in <article>": a name holding the article's
                  // title would also answer to the form's field labels ("Speaker", "Verdict") it may contain.
                  aria-describedby={sourceId(item)}
                >
                  {reusing === item.annotationId ? "Reusing…" : "Reuse"}
                </button>
              )}
            </Item>
          ))}
        </ul>
      )}
      {error && (
        <p className="wb-error" role="alert">
          {error}
        </p>
      )}
      {different.length > 0 && (
        <>
          <h4>Similar wording, different figure</h4>
          <p className="wb-hint">Not the same claim: a figure, date or name differs.</p>
          <ul className="wb-checked-list" data-testid="checked-before-different">
            {different.map((item) => (
              <Item key={item.annotationId} item={item} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Item({ item, children }: { item: SimilarClaim; children?: React.ReactNode }) {
  return (
    <li className="wb-checked-item" data-testid="checked-before-item">
      <blockquote>{item.quote}</blockquote>
      <p className="wb-checked-meta">
        {item.speaker && <>{item.speaker} · </>}
        <strong>{VERDICT_SCALE[item.verdict as Verdict]?.label ?? item.verdict}</strong> ·{" "}
        {ANNOTATION_STATUS_LABELS[item.status as AnnotationSummary["status"]] ?? item.status} ·{" "}
        <time dateTime={item.createdAt}>{shortDate(item.createdAt)}</time>
      </p>
      {item.rationaleExcerpt && <p className="wb-checked-rationale">{item.rationaleExcerpt}</p>}
      <p className="wb-checked-meta">
        <a id={sourceId(item)} href={`/articles/${encodeURIComponent(item.articleId)}`}>
          {item.label} in {item.articleTitle}
        </a>
        {children}
      </p>
    </li>
  );
}

/** The id of an item's "C1 in <article>" link. */
const sourceId = (item: SimilarClaim) => `wb-checked-${item.annotationId}`;

function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}
