"use client";

import { useEffect, useState } from "react";
import { VERDICT_SCALE, type Verdict } from "@/lib/domain/annotation";
import type { AnnotationView } from "@/lib/views/article-view";
import { fetchAnnotationLinks } from "./requests";

type Links = Awaited<ReturnType<typeof fetchAnnotationLinks>>;

const verdictLabel = (verdict: string | null) =>
  verdict ? (VERDICT_SCALE[verdict as Verdict]?.label ?? verdict) : "not rated";

/**
 * The "based on" link both ways (decision 030): "Based on C3 in <article>",
 * the flag when that earlier verdict changed since, and "Reused in N
 * annotations". Read again whenever this annotation's version changes.
 */
export function ClaimLinks({ annotation }: { annotation: AnnotationView }) {
  const [links, setLinks] = useState<Links | null>(null);
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
        <p className="wb-warning" role="status" data-testid="based-on-changed">
          The verdict this was based on changed (was {verdictLabel(annotation.verdict)}, now{" "}
          {verdictLabel(basedOn.verdict)}).
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
