"use client";

import { useEffect, useMemo, useState } from "react";
import { api } from "../api-client";
import { changeCount, collapseDiff, type DiffOp } from "./diff-parts";
import { DiffText } from "./DiffText";

type Side = { id: string; number: number; note: string | null; createdAt: string };
type Diff = { from: Side; to: Side; ops: DiffOp[] };

/**
 * The changes between two revisions, read from GET /api/v1/articles/:id/revisions/diff. The choice is a plain GET
 * form (the address says which two, so it can be linked); the diff itself is fetched here.
 */
export function RevisionDiff({
  articleId,
  numbers,
  from,
  to,
}: {
  articleId: string;
  numbers: number[];
  from: number;
  to: number;
}) {
  const [diff, setDiff] = useState<{ key: string; value: Diff | null; error: string }>({
    key: "",
    value: null,
    error: "",
  });
  const key = `${from}-${to}`;
  useEffect(() => {
    let live = true;
    api<Diff>(`/articles/${encodeURIComponent(articleId)}/revisions/diff?from=${from}&to=${to}`)
      .then((value) => live && setDiff({ key, value, error: "" }))
      .catch(
        (failure: unknown) =>
          live &&
          setDiff({
            key,
            value: null,
            error: failure instanceof Error ? failure.message : "Could not load the changes.",
          }),
      );
    return () => {
      live = false;
    };
  }, [articleId, from, to, key]);
  const ops = diff.key === key ? diff.value?.ops : undefined;
  const parts = useMemo(() => (ops ? collapseDiff(ops) : []), [ops]);
  const changes = ops ? changeCount(ops) : 0;

  return (
    <>
      <form className="rev-compare" method="get" aria-label="Choose two revisions">
        <RevisionSelect name="from" label="From revision" numbers={numbers} value={from} />
        <RevisionSelect name="to" label="to revision" numbers={numbers} value={to} />
        <button className="button" type="submit">
          Compare
        </button>
      </form>
      {diff.key === key && diff.error ? (
        <p className="form-error" role="alert">
          {diff.error}
        </p>
      ) : !ops ? (
        <p className="muted" role="status">
          Loading the changes…
        </p>
      ) : (
        <>
          <p role="status" data-testid="diff-count">
            {changes === 0
              ? `No changes from revision ${from} to revision ${to}.`
              : `${changes} ${changes === 1 ? "change" : "changes"} from revision ${from} to revision ${to}.`}{" "}
            <span className="muted">Inserted text is underlined, deleted text struck through.</span>
          </p>
          <DiffText parts={parts} label={`Changes from revision ${from} to revision ${to}`} />
        </>
      )}
    </>
  );
}

function RevisionSelect({
  name,
  label,
  numbers,
  value,
}: {
  name: string;
  label: string;
  numbers: number[];
  value: number;
}) {
  return (
    <label>
      {label}{" "}
      <select name={name} defaultValue={value}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            {number}
          </option>
        ))}
      </select>
    </label>
  );
}
