import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

/** Ours rather than Next's default, whose inline <style> carries no nonce and so breaks the CSP (decision 014). */
export default function NotFound() {
  return (
    <section className="page narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address, or it is not yours to see. Go to the <Link href="/articles">articles</Link> or
        the <Link href="/">home page</Link>.
      </p>
    </section>
  );
}
