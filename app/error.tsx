"use client";

/** Ours rather than Next's default, whose inline <style> carries no nonce and so breaks the CSP (decision 014). The server has logged the error. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="page narrow">
      <h1>Something went wrong</h1>
      <p role="alert">This page could not be shown. The error has been logged on the server.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
