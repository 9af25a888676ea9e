import type { Metadata } from "next";
import { pageActorWith } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/server/user/list-users";
import { UserAdmin } from "@/components/admin/UserAdmin";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const { actor, allowed } = await pageActorWith("manage:users", "/admin/users");
  if (!allowed) {
    return (
      <section className="page narrow">
        <h1>Users</h1>
        <p role="alert">Only admins manage users. Ask an admin if you need an account added or changed.</p>
      </section>
    );
  }
  const users = await listUsers(await getDb(), { actor });
  return (
    <section className="page">
      <h1>Users</h1>
      <p className="muted">
        Deactivated users cannot sign in or use their tokens; their annotations and reviews stay, attributed to them.
      </p>
      <UserAdmin initialUsers={users} selfId={actor.id} />
    </section>
  );
}
