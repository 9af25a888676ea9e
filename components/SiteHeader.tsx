import Link from "next/link";
import { sessionActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { can, ROLE_LABELS } from "@/lib/domain/permissions";
import { reviewQueueSize } from "@/lib/server/review-queue";
import { SignOutButton } from "./auth/SignOutButton";
import { ReviewCount } from "./ReviewCount";

export async function SiteHeader() {
  // The header never takes a page down: without a database it shows the signed-out state.
  const { actor, waiting } = await headerState().catch(() => ({ actor: null, waiting: 0 }));
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <span aria-hidden="true" className="brand-mark">
          ✓
        </span>
        Factmark
      </Link>
      {actor && (
        <nav aria-label="Main" className="site-nav">
          <Link href="/articles">Articles</Link>
          {can(actor.role, "review:annotation:others") && (
            <Link href="/review">
              Review queue
              <ReviewCount initial={waiting} />
            </Link>
          )}
          {can(actor.role, "manage:users") && <Link href="/admin/users">Users</Link>}
          <Link href="/account">Account</Link>
        </nav>
      )}
      <div className="site-user">
        {actor ? (
          <>
            <span data-testid="current-user">
              {actor.name} <span className="role-badge">{ROLE_LABELS[actor.role]}</span>
            </span>
            <SignOutButton />
          </>
        ) : (
          <Link href="/signin">Sign in</Link>
        )}
      </div>
    </header>
  );
}

async function headerState() {
  const db = await getDb();
  const actor = await sessionActor(db);
  const waiting = actor && can(actor.role, "review:annotation:others") ? await reviewQueueSize(db, { actor }) : 0;
  return { actor, waiting };
}
