import type { Actor } from "@/lib/domain/actor";
import { can, ROLE_LABELS } from "@/lib/domain/permissions";
import { SignOutButton } from "./auth/SignOutButton";
import { IntentLink } from "./IntentLink";
import { ReviewCount } from "./ReviewCount";

/** The signed-in user and how many annotations wait for their review are read by the layout (app/layout.tsx): a component holds no server code. */
export function SiteHeader({ actor, waiting }: { actor: Actor | null; waiting: number }) {
  return (
    <header className="site-header">
      <IntentLink href="/" className="brand">
        <span aria-hidden="true" className="brand-mark">
          ✓
        </span>
        Factmark
      </IntentLink>
      {actor && (
        <nav aria-label="Main" className="site-nav">
          <IntentLink href="/articles">Articles</IntentLink>
          <IntentLink href="/search">Search</IntentLink>
          <IntentLink href="/speakers">Speakers</IntentLink>
          {can(actor.role, "review:annotation:others") && (
            <IntentLink href="/review">
              Review queue
              <ReviewCount initial={waiting} />
            </IntentLink>
          )}
          {can(actor.role, "manage:users") && <IntentLink href="/admin/users">Users</IntentLink>}
          <IntentLink href="/account">Account</IntentLink>
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
          <IntentLink href="/signin">Sign in</IntentLink>
        )}
      </div>
    </header>
  );
}
