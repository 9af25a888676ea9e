import type { Metadata } from "next";
import { SiteHeader } from "@/components/SiteHeader";
import { sessionActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/permissions";
import { reviewQueueSize } from "@/lib/server/review/review-queue-size";
import type { ReactNode } from "react";
import "./globals.css";

// Every page depends on who is signed in; nothing is prerendered at build time (which also keeps the build off the database).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Factmark", template: "%s · Factmark" },
  description: "Fact-check annotation workbench for newsrooms",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The header never takes a page down: without a database it shows the signed-out state.
  const { actor, waiting } = await headerState().catch(() => ({ actor: null, waiting: 0 }));
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader actor={actor} waiting={waiting} />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

async function headerState() {
  const db = await getDb();
  const actor = await sessionActor(db);
  const waiting = actor && can(actor.role, "review:annotation:others") ? await reviewQueueSize(db, { actor }) : 0;
  return { actor, waiting };
}
