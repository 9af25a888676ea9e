"use client";

import { useEffect, useState } from "react";
import type { ReviewQueue } from "@/lib/views/review-queue";
import { api } from "./api-client";

/** How often an open page asks while it is visible. The workbench's own live events ask at once (REVIEW_QUEUE_CHANGED). */
const POLL_MS = 10_000;

/** Sent by the workbench when its live stream reports an annotation's change: the count may have moved. */
export const REVIEW_QUEUE_CHANGED = "factmark:review-queue";

/**
 * The navigation's "waiting for your review" count, kept current without a
 * reload. A count across articles has no one event stream to follow (each
 * stream is per article), so it asks the queue for its total (one row, the
 * count query it already runs): every 10 s while the page is visible, when
 * the window regains focus, and at once when an open workbench sees a change.
 */
export function ReviewCount({ initial }: { initial: number }) {
  // The server's figure wins when it renders a newer one; between renders the last one asked for.
  const [asked, setAsked] = useState<{ initial: number; count: number } | null>(null);
  const count = asked && asked.initial === initial ? asked.count : initial;

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    const check = async () => {
      if (document.visibilityState !== "visible" || inFlight) return;
      inFlight = true;
      try {
        const { total } = await api<ReviewQueue>("/review-queue?pageSize=1");
        if (!stopped) setAsked({ initial, count: total });
      } catch {
        // Signed out or offline: keep the figure shown; the next check tries again.
      } finally {
        inFlight = false;
      }
    };
    const timer = window.setInterval(check, POLL_MS);
    const onVisible = () => void check();
    window.addEventListener("focus", onVisible);
    window.addEventListener(REVIEW_QUEUE_CHANGED, onVisible);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener("focus", onVisible);
      window.removeEventListener(REVIEW_QUEUE_CHANGED, onVisible);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [initial]);

  if (count <= 0) return null;
  return (
    <span className="nav-count" aria-label={`${count} waiting`} data-testid="review-count">
      {count}
    </span>
  );
}
