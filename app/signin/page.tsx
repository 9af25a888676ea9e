import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/actor";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { getDb } from "@/lib/db/client";
import { SignInForm } from "@/components/auth/SignInForm";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an active account.",
  AccessDenied: "This account is not allowed to sign in. Ask an admin to add or reactivate it.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const target = safeReturnPath(callbackUrl);
  if (await sessionActor(await getDb())) redirect(target);
  return (
    <section className="page narrow">
      <h1>Sign in to Factmark</h1>
      <SignInForm
        callbackUrl={target}
        initialError={error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : undefined}
      />
    </section>
  );
}
