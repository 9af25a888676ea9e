import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { pageNumber, textProblem } from "@/lib/http/input-guard";
import { listSpeakers } from "@/lib/server/speaker/list-speakers";
import { verdictSummary } from "@/components/speakers/verdict-summary";
import { Pager } from "@/components/Pager";
import { TableScroll } from "@/components/TableScroll";

export const metadata: Metadata = { title: "Speakers" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

export default async function SpeakersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requirePageActor("/speakers");
  const search = await searchParams;
  const q = search.q?.slice(0, 200);
  const input = { q: (q && !textProblem(q) && q) || undefined, page: pageNumber(search.page), pageSize: PAGE_SIZE };
  const list = await listSpeakers(await getDb(), { actor, input });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageLink = (page: number) =>
    `/speakers?${new URLSearchParams({ ...(input.q ? { q: input.q } : {}), page: String(page) })}`;
  return (
    <section className="page">
      <h1>Speakers</h1>
      <p className="lede">Everyone whose words the desk has checked, across articles: most checked first.</p>
      <form className="filters" role="search" action="/speakers">
        <label>
          Search names and aliases
          <input type="search" name="q" defaultValue={input.q ?? ""} />
        </label>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      {list.items.length === 0 ? (
        <p className="card muted">
          {input.q ? "No speaker matches this search." : "No speakers yet: they appear as annotations name them."}
        </p>
      ) : (
        <TableScroll label="Speakers">
          <table className="table">
            <caption className="visually-hidden">Speakers, most checked first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Also known as</th>
                <th scope="col">Role, affiliation</th>
                <th scope="col">Claims</th>
                <th scope="col">Denials</th>
                <th scope="col">Verdicts</th>
                <th scope="col">Last checked</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((speaker) => (
                <tr key={speaker.id}>
                  <td>
                    <Link href={`/speakers/${speaker.id}`}>{speaker.name}</Link>
                  </td>
                  <td>{speaker.aliases.join(", ")}</td>
                  <td>{[speaker.role, speaker.affiliation].filter(Boolean).join(", ")}</td>
                  <td>{speaker.claims}</td>
                  <td>{speaker.denials}</td>
                  <td>{verdictSummary(speaker.verdicts)}</td>
                  <td>
                    {speaker.lastCheckedAt && (
                      <time dateTime={speaker.lastCheckedAt}>{speaker.lastCheckedAt.slice(0, 10)}</time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager page={list.page} pages={pages} href={pageLink} previous="← Previous" next="Next →" />
    </section>
  );
}
