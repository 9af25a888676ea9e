import { getHealth } from "@/lib/server/get-health";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const health = await getHealth();
  return (
    <section className="page narrow">
      <h1>Factmark</h1>
      <p className="lede">A fact-check annotation workbench: import an article, mark its claims, denials and analysis, attach sources and verdicts, and publish a reviewed, self-contained fact-check.</p>
      <p className={health.status === "ok" ? "status status-ok" : "status status-bad"} role="status">
        {health.status === "ok" ? `Ready — ${health.database.provider === "sqlite" ? "embedded SQLite" : "PostgreSQL"} database, fully migrated.` : `Not ready: ${health.reason}`}
      </p>
    </section>
  );
}
