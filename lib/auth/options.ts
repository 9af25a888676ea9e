import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { env } from "../config/env";
import { getDb } from "../db/client";
import { ZSignIn } from "../schemas/users";
import { authenticatePassword } from "../server/session/authenticate-password";
import { endSession } from "../server/session/end-session";
import { SESSION_SECONDS, startSession } from "../server/session/start-session";
import { clientIp } from "./client-ip";
import { safeReturnPath } from "./safe-return-path";

function oauthProviders() {
  // Off unless both are configured (validated together in lib/config/env.ts).
  const { GITHUB_ID, GITHUB_SECRET } = env();
  if (!GITHUB_ID || !GITHUB_SECRET) return [];
  return [GitHubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET })];
}

/** Email and password, checked against the users table (and its sign-in rate limits). */
const credentialsProvider = CredentialsProvider({
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(credentials, request) {
    const parsed = ZSignIn.safeParse(credentials ?? {});
    if (!parsed.success) return null;
    const ip = clientIp(new Headers(request?.headers as Record<string, string>));
    const actor = await authenticatePassword(await getDb(), { ...parsed.data, ip });
    return actor ? { id: actor.id, email: actor.email, name: actor.name } : null;
  },
});

/**
 * Read when next-auth handles a request, not when this module loads: `next build`
 * imports it, and there env() has nothing to read yet (getters, so the object stays
 * what NextAuth() and getToken() take).
 */
export const authOptions: NextAuthOptions = {
  get secret() {
    return env().NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  get providers() {
    return [credentialsProvider, ...oauthProviders()];
  },
  events: {
    /** With JWT sessions next-auth hands over the signed-out cookie's claims: its stored session ends, on every server. */
    async signOut({ token }) {
      await endSession(await getDb(), { userId: token?.sub, sessionId: token?.sid });
    },
  },
  callbacks: {
    /** OAuth signs in existing, active Factmark users only: an admin adds them first. */
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      const email = user.email?.trim().toLowerCase();
      if (!email) return false;
      const known = await (await getDb()).user.findUnique({ where: { email } });
      return Boolean(known && !known.deactivatedAt);
    },
    /**
     * At sign-in (user and account are set only then), a stored session whose id
     * the cookie carries as `sid`: the cookie is honoured only while that row is
     * (lib/server/session/authenticate-session.ts), so it can be ended server-side.
     */
    async jwt({ token, user, account }) {
      if (!user || !account) return token;
      const db = await getDb();
      const userId =
        account.provider === "credentials"
          ? user.id
          : (await db.user.findUnique({ where: { email: user.email!.trim().toLowerCase() } }))?.id;
      token.sub = userId;
      token.sid = userId ? await startSession(db, { userId }) : undefined;
      return token;
    },
    /** After sign-in and sign-out: a path on this app only (next-auth's default lets "/\evil.example" through). */
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeReturnPath(url, baseUrl)}`;
    },
    async session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
