import type { Metadata } from "next";
import { SiteHeader } from "@/components/SiteHeader";
import type { ReactNode } from "react";
import "./globals.css";

// Every page depends on who is signed in; nothing is prerendered at build time (which also keeps the build off the database).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Factmark", template: "%s · Factmark" },
  description: "Fact-check annotation workbench for newsrooms",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
