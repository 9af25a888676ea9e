import type { PresenceUser } from "./apply-event";

export type PresenceEntry = {
  userId: string;
  name: string;
  initials: string;
  hue: number;
  annotationId: string | null;
  label: string | null;
};

/** "Rae Reviewer" → "RR", "Ana" → "A": first letters of the first and last words. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = [...words[0]][0] ?? "";
  const last = words.length > 1 ? ([...words.at(-1)!][0] ?? "") : "";
  return (first + last).toUpperCase();
}

/** A stable hue per user, so the same person keeps the same chip colour everywhere. */
export function hueFor(userId: string): number {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** The other people with the article open, in the server's order (by name), and what they are looking at when it is an annotation on this page. */
export function presenceEntries(
  users: readonly PresenceUser[],
  selfId: string,
  labels: ReadonlyMap<string, string>,
): PresenceEntry[] {
  return users
    .filter((user) => user.userId !== selfId)
    .map((user) => {
      const label = user.annotationId ? (labels.get(user.annotationId) ?? null) : null;
      return {
        userId: user.userId,
        name: user.name,
        initials: initials(user.name),
        hue: hueFor(user.userId),
        annotationId: label ? user.annotationId : null,
        label,
      };
    });
}
