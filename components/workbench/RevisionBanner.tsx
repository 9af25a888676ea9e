"use client";

import { IntentLink } from "../IntentLink";
import { useMemo } from "react";
import { openWork, shortStamp, workText } from "./revisions";
import { useWorkbench } from "./state/WorkbenchProvider";

/**
 * Which revision is open: "Revision 3 of 3 · 30 Nov 14:02 — 2 changed, 1 needs placement", with the revision's note
 * and a link to the history and diff. The counts come from the annotations as they are now, so they fall as editors
 * approve changed ones and place orphans (the stored counts say what re-anchoring made of them then).
 */
export function RevisionBanner() {
  const { article, store } = useWorkbench();
  const { revision, history } = article;
  const { annotations } = store.data;
  const work = useMemo(() => workText(openWork(annotations, revision.id)), [annotations, revision.id]);
  return (
    <div className={`wb-revision${work ? " has-work" : ""}`} data-testid="revision-banner">
      <p className="wb-revision-line">
        <strong>
          Revision {revision.number} of {history.length || revision.number}
        </strong>{" "}
        · <time dateTime={revision.createdAt}>{shortStamp(revision.createdAt)} UTC</time>
        {work && (
          <>
            {" "}
            — <span className="wb-revision-work">{work}</span>
          </>
        )}
        {(history.length > 1 || revision.number > 1) && (
          <>
            {" "}
            <IntentLink href={`/articles/${encodeURIComponent(article.id)}/revisions`}>History and changes</IntentLink>
          </>
        )}
      </p>
      {revision.note && <p className="wb-revision-note">“{revision.note}”</p>}
    </div>
  );
}
