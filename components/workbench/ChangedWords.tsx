import type { AnnotationSummary } from "@/lib/views/article-view";

/** A revision changed this annotation's words: the old and the new, until it is approved again (the anchor then reads ANCHORED). */
export function ChangedWords({ annotation }: { annotation: AnnotationSummary }) {
  if (annotation.anchor.status !== "CHANGED" || annotation.previousQuote === null) return null;
  return (
    <p className="wb-changed" data-testid="changed-words">
      <span className="wb-changed-mark" aria-hidden="true">
        Δ
      </span>{" "}
      Old words: <del>‘{annotation.previousQuote}’</del> → New words: <ins>‘{annotation.quote}’</ins>
      <span className="wb-hint">
        {" "}
        The article was revised here: check the annotation still holds, then have it approved again.
      </span>
    </p>
  );
}
