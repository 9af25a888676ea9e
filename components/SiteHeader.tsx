import Link from "next/link";
import type { Actor } from "@/lib/domain/actor";
import { can, ROLE_LABELS } from "@/lib/domain/permissions";
import { SignOutButton } from "./auth/SignOutButton";
import { ReviewCount } from "./ReviewCount";

/** The signed-in user and how many annotations wait for their review are read by the layout (app/layout.tsx): a component holds no server code. */
export function SiteHeader({ actor, waiting }: { actor: Actor | null; waiting: number }) {
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
          <Link href="/search">Search</Link>
          <Link href="/speakers">Speakers</Link>
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
