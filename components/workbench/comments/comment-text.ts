import { MAX_COMMENT_LENGTH } from "@/lib/domain/comment";

/** What the client can say about a comment's text before asking the server (which says the same). */
export function localBodyError(text: string): string {
  if (!text.trim()) return "must not be empty";
  if (text.trim().length > MAX_COMMENT_LENGTH)
    return `must be at most ${MAX_COMMENT_LENGTH} characters (now ${text.trim().length})`;
  return "";
}

const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });
export const absolute = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });

/** "just now", "5 minutes ago", "yesterday"; the date itself after a week. */
export function ago(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (seconds > -45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relative.format(hours, "hour");
  const days = Math.round(hours / 24);
  if (days > -7) return relative.format(days, "day");
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/** Keys of typed, unposted comment text in the workbench's state: kept while the panel closes or shows another annotation. */
export const newKey = (annotationId: string) => `new:${annotationId}`;
export const editKey = (commentId: string) => `edit:${commentId}`;
