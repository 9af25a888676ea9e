import Link from "next/link";
import type { ArticlesByStatus, ReviewBacklog, TopSpeakers, VerdictWeeks } from "@/lib/views/desk";
import { BarChart } from "../charts/BarChart";
import { StackedColumns } from "../charts/StackedColumns";
import { VERDICT_SERIES } from "../charts/verdict-series";

const STATUS_LABELS = { DRAFT: "Draft", IN_REVIEW: "In review", SIGNED_OFF: "Signed off", REOPENED: "Reopened" };

/** The front page's "Desk": four small charts, each with the table of its numbers. */
export function DeskCharts({
  backlog,
  statuses,
  weeks,
  speakers,
}: {
  backlog: ReviewBacklog;
  statuses: ArticlesByStatus;
  weeks: VerdictWeeks;
  speakers: TopSpeakers;
}) {
  return (
    <section className="desk" aria-labelledby="desk-title">
      <h2 id="desk-title">Desk</h2>
      <div className="home-grid">
        <section className="card home-card" aria-labelledby="desk-backlog">
          <h3 id="desk-backlog">Review backlog</h3>
          <p>
            {backlog.waiting === 0
              ? "Nothing waits for review."
              : `${backlog.waiting} waiting; the oldest since ${backlog.oldestSince!.slice(0, 10)}.`}
          </p>
          <BarChart
            caption="Annotations waiting for review, by time waited"
            labelHeader="Waited"
            valueHeader="Annotations"
            bars={backlog.byAge.map((band) => ({ key: band.key, label: band.label, value: band.count }))}
          />
        </section>
        <section className="card home-card" aria-labelledby="desk-statuses">
          <h3 id="desk-statuses">Articles by status</h3>
          <BarChart
            caption="Articles in each status"
            labelHeader="Status"
            valueHeader="Articles"
            bars={statuses.map((row) => ({ key: row.status, label: STATUS_LABELS[row.status], value: row.count }))}
          />
        </section>
        <section className="card home-card" aria-labelledby="desk-weeks">
          <h3 id="desk-weeks">Verdicts, last 12 weeks</h3>
          <StackedColumns
            caption="Claims and denials tagged per week (starting Monday), by verdict"
            series={VERDICT_SERIES}
            columnHeader="Week of"
            columns={weeks.map((week) => ({ key: week.week, label: week.week.slice(5), values: week.verdicts }))}
          />
        </section>
        <section className="card home-card" aria-labelledby="desk-speakers">
          <h3 id="desk-speakers">Most-checked speakers</h3>
          <BarChart
            caption="Speakers with the most claims and denials checked"
            labelHeader="Speaker"
            valueHeader="Checked"
            bars={speakers.map((speaker) => ({
              key: speaker.id,
              label: speaker.name,
              value: speaker.checked,
              href: `/speakers/${speaker.id}`,
            }))}
          />
          <p>
            <Link href="/speakers">All speakers</Link>
          </p>
        </section>
      </div>
    </section>
  );
}
