import type { AnchorStatus } from "@/lib/domain/annotation";
import { byPosition, plural, type Placed } from "./model";

/**
 * What the workbench makes of revisions, pure: which annotations are drawn in
 * the open revision's text and which wait in the "Needs placement" tray, the
 * counts the banner shows, the order J and K walk, and the collapsed diff.
 */

type Anchored = Placed & { revisionId: string; anchor: { status: AnchorStatus } };

/**
 * In the text: an annotation whose offsets are into the open revision. An ORPHANED one keeps the offsets of the
 * revision it was last found on, which would draw it on whatever words now stand there.
 */
export const isPlaced = (annotation: Anchored, revisionId: string) =>
  annotation.anchor.status !== "ORPHANED" && annotation.revisionId === revisionId;

/** The annotations drawn in the text and those waiting in the tray, each in the order they came. */
export function splitPlaced<T extends Anchored>(
  annotations: readonly T[],
  revisionId: string,
): { placed: T[]; unplaced: T[] } {
  const placed: T[] = [];
  const unplaced: T[] = [];
  for (const annotation of annotations) (isPlaced(annotation, revisionId) ? placed : unplaced).push(annotation);
  return { placed, unplaced };
}

/** Reading order for the text, then the tray (by label number): J and K reach every annotation, unplaced ones last. */
export function walkOrder<T extends Anchored & { number: number }>(placed: readonly T[], unplaced: readonly T[]): T[] {
  return [
    ...[...placed].sort(byPosition),
    ...[...unplaced].sort((a, b) => a.number - b.number || a.id.localeCompare(b.id)),
  ];
}

/** What still needs an editor after a revision, counted from the annotations as they are now (they fall as editors work). */
export function openWork(annotations: readonly Anchored[], revisionId: string): { changed: number; unplaced: number } {
  let changed = 0;
  let unplaced = 0;
  for (const annotation of annotations) {
    if (!isPlaced(annotation, revisionId)) unplaced++;
    else if (annotation.anchor.status === "CHANGED") changed++;
  }
  return { changed, unplaced };
}

/** "2 changed, 1 needs placement"; "" when nothing is left to do. */
export function workText({ changed, unplaced }: { changed: number; unplaced: number }): string {
  return [
    changed > 0 && `${changed} changed`,
    unplaced > 0 && `${unplaced} ${unplaced === 1 ? "needs" : "need"} placement`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** What re-anchoring made of the annotations: "12 carried exactly, 2 changed, 1 needs placement". */
export function reanchoringText({
  anchored,
  changed,
  orphaned,
}: {
  anchored: number;
  changed: number;
  orphaned: number;
}) {
  if (anchored + changed + orphaned === 0) return "No annotations to carry";
  return [
    `${anchored} carried exactly`,
    `${changed} changed`,
    `${orphaned} ${orphaned === 1 ? "needs" : "need"} placement`,
  ].join(", ");
}

/** "Revision 3 arrived: 1 annotation needs placement" (or "…: every annotation carried exactly"). */
export function arrivalText(number: number, work: { changed: number; unplaced: number }): string {
  const parts = [
    work.unplaced > 0 && `${plural(work.unplaced, "annotation needs", "annotations need")} placement`,
    work.changed > 0 && `${plural(work.changed, "annotation's words changed", "annotations' words changed")}`,
  ].filter(Boolean);
  return `Revision ${number} arrived: ${parts.length ? parts.join(", ") : "every annotation carried exactly"}`;
}

/** Dates and times in UTC, as stored: "30 Nov 14:02". */
export function shortStamp(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return `${day} ${time}`;
}
