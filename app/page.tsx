import Link from "next/link";
import { sessionActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/permissions";
import { getHealth } from "@/lib/server/get-health";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const health = await getHealth();
  const actor = health.status === "ok" ? await sessionActor(await getDb()) : null;
  return (
    <section className="page narrow">
      <h1>Factmark</h1>
      <p className="lede">A fact-check annotation workbench: import an article, mark its claims, denials and analysis, attach sources and verdicts, and publish a reviewed, self-contained fact-check.</p>
      <p className={health.status === "ok" ? "status status-ok" : "status status-bad"} role="status">
        {health.status === "ok" ? `Ready — ${health.database.provider === "sqlite" ? "embedded SQLite" : "PostgreSQL"} database, fully migrated.` : `Not ready: ${health.reason}`}
      </p>
      {actor ? (
        <ul className="links">
          <li>
            <Link href="/articles">Articles</Link>
          </li>
          <li>
            <Link href="/account">Your account and API tokens</Link>
          </li>
          {can(actor.role, "manage:users") && (
            <li>
              <Link href="/admin/users">Manage users</Link>
            </li>
          )}
        </ul>
      ) : (
        <p>
          <Link className="button primary" href="/signin">
            Sign in
          </Link>
        </p>
      )}
    </section>
  );
}
