import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { listApiTokens } from "@/lib/server/token/list-api-tokens";
import { PasswordForm } from "@/components/account/PasswordForm";
import { TokenManager } from "@/components/account/TokenManager";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const actor = await requirePageActor("/account");
  const tokens = await listApiTokens(await getDb(), { actor });
  return (
    <section className="page narrow">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{actor.name}</dd>
        <dt>Email</dt>
        <dd>{actor.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[actor.role]}</dd>
      </dl>
      <h2 id="password-heading">Password</h2>
      <p className="muted">
        Changing it signs you out everywhere else (other browsers, other devices); this browser stays signed in.
      </p>
      <PasswordForm />
      <h2>API tokens</h2>
      <p className="muted">
        For scripts and integrations: every <code>/api/v1</code> route accepts a token instead of a session. A token
        acts as you, with your role.
      </p>
      <TokenManager initialTokens={tokens} />
    </section>
  );
}
