import type { RevisionSummary } from "@/lib/views/article-view";

const stamp = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** The revisions, newest first: number, date, who added it, its note, and what re-anchoring made of the annotations. */
export function RevisionHistory({ history }: { history: RevisionSummary[] }) {
  return (
    // On a phone the table scrolls sideways inside this region (reachable by keyboard), not the page.
    <div className="rev-table" role="region" aria-label="Revision history" tabIndex={0}>
      <table className="rev-history">
        <caption className="visually-hidden">Revisions of the article, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Date</th>
            <th scope="col">By</th>
            <th scope="col">Note</th>
            <th scope="col">Annotations carried</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((revision) => (
            <tr key={revision.id}>
              <th scope="row">{revision.number}</th>
              <td>
                <time dateTime={revision.createdAt}>{stamp(revision.createdAt)}</time>
              </td>
              <td>{revision.createdBy.name}</td>
              <td>
                {revision.note ?? <span className="muted">{revision.number === 1 ? "First import" : "No note"}</span>}
              </td>
              <td>
                {revision.number === 1 ? (
                  <span className="muted">—</span>
                ) : (
                  `${revision.reanchoring.anchored} exactly, ${revision.reanchoring.changed} changed, ${revision.reanchoring.orphaned} unplaced`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
