import Link from "next/link";
import { sessionActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { can, ROLE_LABELS } from "@/lib/domain/permissions";
import { SignOutButton } from "./auth/SignOutButton";

export async function SiteHeader() {
  const actor = await sessionActor(await getDb()).catch(() => null);
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
