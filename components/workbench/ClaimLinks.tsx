"use client";

import { useEffect, useState } from "react";
import { VERDICT_SCALE, type Verdict } from "@/lib/domain/annotation";
import type { AnnotationView } from "@/lib/views/article-view";
import { fetchAnnotationLinks, problem, updateAnnotation } from "./requests";
import { useWorkbenchActions } from "./state/WorkbenchProvider";

type Links = Awaited<ReturnType<typeof fetchAnnotationLinks>>;

const verdictLabel = (verdict: string | null) =>
  verdict ? (VERDICT_SCALE[verdict as Verdict]?.label ?? verdict) : "not rated";

/**
 * The "based on" link both ways (decision 030): "Based on C3 in <article>",
 * the flag when that earlier verdict changed since, and "Reused in N
 * annotations". Read again whenever this annotation's version changes.
 */
export function ClaimLinks({ annotation, canEdit }: { annotation: AnnotationView; canEdit: boolean }) {
  const { replace } = useWorkbenchActions();
  const [links, setLinks] = useState<Links | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  useEffect(() => {
    let current = true;
    fetchAnnotationLinks(annotation.id)
      .then((answer) => current && setLinks(answer))
      .catch(() => current && setLinks(null));
    return () => {
      current = false;
    };
  }, [annotation.id, annotation.version, annotation.basedOnId]);

  if (!links || (!links.basedOn && links.reusedByCount === 0)) return null;
  const { basedOn, reusedBy = [], reusedByCount } = links;

  // Saving its own verdict, unchanged, answers the flag (the article cannot be signed off until then).
  async function keepVerdict() {
    setBusy(true);
    setError("");
    try {
      replace(
        await updateAnnotation(annotation.id, { version: annotation.version, verdict: annotation.verdict }),
        "Verdict kept",
      );
    } catch (failure) {
      setError(problem(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="wb-claim-links" aria-label="Reuse" data-testid="claim-links">
      {basedOn && (
        <p data-testid="based-on">
          Based on{" "}
          <a href={`/articles/${encodeURIComponent(basedOn.articleId)}`}>
            {basedOn.label} in {basedOn.articleTitle}
          </a>
        </p>
      )}
      {basedOn && links.basedOnChangedAt && (
        <>
          <p className="wb-warning" role="status" data-testid="based-on-changed">
            The verdict this was based on changed (was {verdictLabel(annotation.verdict)}, now{" "}
            {verdictLabel(basedOn.verdict)}). The article cannot be signed off until this one&apos;s verdict is changed
            above or kept.
          </p>
          {canEdit && (
            <p>
              <button type="button" className="button small" disabled={busy} onClick={() => void keepVerdict()}>
                {busy ? "Keeping…" : "Keep this verdict"}
              </button>
            </p>
          )}
        </>
      )}
      {error && (
        <p className="wb-error" role="alert">
          {error}
        </p>
      )}
      {reusedByCount > 0 && (
        <details data-testid="reused-by">
          <summary>
            Reused in {reusedByCount} annotation{reusedByCount === 1 ? "" : "s"}
          </summary>
          <ul>
            {reusedBy.map((link) => (
              <li key={link.id}>
                <a href={`/articles/${encodeURIComponent(link.articleId)}`}>
                  {link.label} in {link.articleTitle}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
