import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { KIND_LABELS, VERDICT_SCALE, VERDICTS } from "@/lib/domain/annotation";
import { can } from "@/lib/domain/permissions";
import { isAppId, pageNumber } from "@/lib/http/input-guard";
import { AppError } from "@/lib/server/shared/errors";
import { getSpeaker } from "@/lib/server/speaker/get-speaker";
import { oneLine } from "@/lib/domain/one-line";
import { BarChart } from "@/components/charts/BarChart";
import { StackedColumns } from "@/components/charts/StackedColumns";
import { VERDICT_SERIES } from "@/components/charts/verdict-series";
import { Pager } from "@/components/Pager";
import { TableScroll } from "@/components/TableScroll";
import { StatusBadge } from "@/components/articles/StatusBadge";
import { EditSpeaker } from "@/components/speakers/EditSpeaker";
import { MergeSpeaker } from "@/components/speakers/MergeSpeaker";

export const metadata: Metadata = { title: "Speaker" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

export default async function SpeakerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ verdict?: string; page?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePageActor(`/speakers/${id}`);
  if (!isAppId(id)) notFound();
  const search = await searchParams;
  // A link's unknown verdict shows them all rather than an error.
  const verdict = VERDICTS.find((one) => one === search.verdict);
  const detail = await getSpeaker(await getDb(), {
    actor,
    speakerId: id,
    input: { verdict, page: pageNumber(search.page), pageSize: PAGE_SIZE },
  }).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { speaker } = detail;
  const pages = Math.max(1, Math.ceil(detail.total / detail.pageSize));
  const link = (changes: { verdict?: string; page?: number }) => {
    const query = new URLSearchParams();
    const chosen = "verdict" in changes ? changes.verdict : verdict;
    if (chosen) query.set("verdict", chosen);
    if (changes.page && changes.page > 1) query.set("page", String(changes.page));
    return `/speakers/${speaker.id}${query.size ? `?${query}` : ""}`;
  };
  const verdictBars = VERDICT_SERIES.filter(
    (series) => detail.verdicts[series.key as keyof typeof detail.verdicts],
  ).map((series) => ({
    key: series.key,
    label: series.label,
    value: detail.verdicts[series.key as keyof typeof detail.verdicts] ?? 0,
    className: `chart-s-${series.key}`,
  }));
  return (
    <section className="page">
      <p className="muted small">
        <Link href="/speakers">Speakers</Link>
      </p>
      <h1>{speaker.name}</h1>
      {(speaker.role || speaker.affiliation) && (
        <p className="lede">{[speaker.role, speaker.affiliation].filter(Boolean).join(", ")}</p>
      )}
      {speaker.description && <p>{speaker.description}</p>}
      {speaker.aliases.length > 0 && (
        <p>
          Also known as:{" "}
          <span data-testid="speaker-aliases">{speaker.aliases.map((alias) => alias.name).join(", ")}</span>
        </p>
      )}
      <p>
        {detail.claims} {detail.claims === 1 ? "claim" : "claims"} and {detail.denials}{" "}
        {detail.denials === 1 ? "denial" : "denials"} checked.
      </p>
      <div className="home-grid">
        <section className="card home-card" aria-labelledby="speaker-verdicts">
          <h2 id="speaker-verdicts">Verdicts</h2>
          <BarChart
            caption={`Verdicts on ${speaker.name}’s claims and denials`}
            bars={verdictBars}
            labelHeader="Verdict"
            valueHeader="Count"
          />
        </section>
        <section className="card home-card" aria-labelledby="speaker-months">
          <h2 id="speaker-months">Over time</h2>
          <StackedColumns
            caption="Claims and denials per month, by verdict"
            series={VERDICT_SERIES}
            columnHeader="Month"
            columns={detail.months.map((month) => ({ key: month.month, label: month.month, values: month.verdicts }))}
          />
        </section>
      </div>
      <h2>What they said</h2>
      <form className="filters" action={`/speakers/${speaker.id}`}>
        <label>
          Filter by verdict
          <select name="verdict" defaultValue={verdict ?? ""}>
            <option value="">Any</option>
            {VERDICTS.map((one) => (
              <option key={one} value={one}>
                {VERDICT_SCALE[one].label}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          Filter
        </button>
      </form>
      {detail.items.length === 0 ? (
        <p className="card muted">{verdict ? "No claim or denial of theirs has this verdict." : "Nothing yet."}</p>
      ) : (
        <TableScroll label="Claims and denials">
          <table className="table" data-testid="speaker-statements">
            <caption className="visually-hidden">Claims and denials by {speaker.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Quote</th>
                <th scope="col">Verdict</th>
                <th scope="col">Status</th>
                <th scope="col">Article</th>
                <th scope="col">Date</th>
              </tr>
            </thead>
            <tbody>
              {detail.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link href={`/articles/${item.article.id}#annotation-${encodeURIComponent(item.id)}`}>
                      {KIND_LABELS[item.kind]} {item.label}: “{oneLine(item.quote, 120)}”
                    </Link>
                  </td>
                  <td>{item.verdict ? VERDICT_SCALE[item.verdict].label : <span className="muted">not rated</span>}</td>
                  <td>{item.status.replace("_", " ").toLowerCase()}</td>
                  <td>
                    <Link href={`/articles/${item.article.id}`}>{item.article.title}</Link>{" "}
                    <StatusBadge status={item.article.status} />
                  </td>
                  <td>
                    <time dateTime={item.createdAt}>{item.createdAt.slice(0, 10)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager page={detail.page} pages={pages} href={(page) => link({ page })} previous="← Newer" next="Older →" />
      {can(actor.role, "update:speakers") && (
        <EditSpeaker
          speaker={{
            id: speaker.id,
            name: speaker.name,
            role: speaker.role,
            affiliation: speaker.affiliation,
            description: speaker.description,
          }}
        />
      )}
      {can(actor.role, "merge:speakers") && <MergeSpeaker into={{ id: speaker.id, name: speaker.name }} />}
    </section>
  );
}
