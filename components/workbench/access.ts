import type { AnchorStatus, AnnotationStatus, ArticleStatus } from "@/lib/domain/annotation";
import type { Role } from "@/lib/domain/permissions";
import { lacksRating, mayReview, nextAnnotationStatus, nextArticleStatus } from "@/lib/domain/workflow";
import { byPosition, type Placed } from "./model";

export type WorkbenchActor = { id: string; role: Role };

/** What the signed-in user's role allows, worked out on the server from lib/domain/permissions. */
export type RolePermissions = {
  create: boolean;
  updateOwn: boolean;
  updateOthers: boolean;
  deleteOwn: boolean;
  deleteOthers: boolean;
  /** Approve or send back annotations written by others. */
  review: boolean;
  signOff: boolean;
  reopen: boolean;
};

/** The role's permissions on this article as it stands now. */
export type WorkbenchPermissions = RolePermissions & {
  /** Signed off: read-only until a reviewer reopens it. */
  locked: boolean;
};

type Owned = { createdBy: { id: string } };
type Reviewable = Owned & { status: AnnotationStatus; editorIds: readonly string[] };

// Everything below hides controls only; the server checks every change anyway.

export const mayCreate = (permissions: WorkbenchPermissions) => permissions.create && !permissions.locked;

export const mayUpdate = (permissions: WorkbenchPermissions, actor: WorkbenchActor, annotation: Owned) =>
  !permissions.locked && (annotation.createdBy.id === actor.id ? permissions.updateOwn : permissions.updateOthers);

export const mayDelete = (permissions: WorkbenchPermissions, actor: WorkbenchActor, annotation: Owned) =>
  !permissions.locked && (annotation.createdBy.id === actor.id ? permissions.deleteOwn : permissions.deleteOthers);

/**
 * Submit: whoever may edit it, from draft. Once changes were requested, the author, whoever
 * reworked it (its editors) and editors without review rights: not a reviewer who neither wrote
 * nor changed it (the one who sent it back, say), whose part is to review it when it returns.
 */
export const maySubmit = (permissions: WorkbenchPermissions, actor: WorkbenchActor, annotation: Reviewable) =>
  mayUpdate(permissions, actor, annotation) &&
  nextAnnotationStatus(annotation.status, "submit") !== null &&
  (annotation.status !== "CHANGES_REQUESTED" ||
    !permissions.review ||
    annotation.createdBy.id === actor.id ||
    annotation.editorIds.includes(actor.id));

/** Approve or request changes: a reviewer, on a submitted annotation someone else wrote and whose substance they did not change (four eyes). */
export const mayJudge = (permissions: WorkbenchPermissions, actor: WorkbenchActor, annotation: Reviewable) =>
  !permissions.locked &&
  permissions.review &&
  mayReview(actor.id, { authorId: annotation.createdBy.id, editorIds: annotation.editorIds }) &&
  nextAnnotationStatus(annotation.status, "approve") !== null;

/** Whether to offer signing off at all; it is enabled only once nothing blocks it (signOffBlockers). */
export const offersSignOff = (permissions: WorkbenchPermissions, status: ArticleStatus) =>
  permissions.signOff && status !== "SIGNED_OFF";

export const mayReopen = (permissions: WorkbenchPermissions, status: ArticleStatus) =>
  permissions.reopen && nextArticleStatus(status, "reopen") !== null;

/**
 * Why the article cannot be signed off yet: its annotations that are not approved, its claims and denials
 * with neither a verdict nor a not-rated reason (lacksRating, the server's rule), those whose reused verdict
 * was changed since (basedOnChangedAt: someone must keep or change theirs), and whether the article is in a
 * state that allows it. The server refuses on the same three (sign-off-article.ts).
 */
export function signOffBlockers<
  T extends { status: AnnotationStatus; basedOnChangedAt?: string | null } & Parameters<typeof lacksRating>[0],
>(
  status: ArticleStatus,
  annotations: readonly T[],
): { pending: T[]; unrated: T[]; basisChanged: T[]; notInReview: boolean } {
  return {
    pending: annotations.filter((annotation) => annotation.status !== "APPROVED"),
    unrated: annotations.filter(lacksRating),
    basisChanged: annotations.filter((annotation) => Boolean(annotation.basedOnChangedAt)),
    notInReview: nextArticleStatus(status, "sign_off") === null,
  };
}

/**
 * What a sign-off covers: the annotations in the published text. Unplaced (ORPHANED) ones are not in it, so they
 * neither block a sign-off nor count in its progress, as on the server (sign-off-article.ts).
 */
export const signOffScope = <T extends { anchor: { status: AnchorStatus } }>(annotations: readonly T[]): T[] =>
  annotations.filter((annotation) => annotation.anchor.status !== "ORPHANED");

/** "Submit all my drafts (n)": the user's own drafts they may submit, in reading order. */
export const myDrafts = <T extends Reviewable & Placed>(
  permissions: WorkbenchPermissions,
  actor: WorkbenchActor,
  annotations: readonly T[],
): T[] =>
  annotations
    .filter(
      (annotation) =>
        annotation.status === "DRAFT" &&
        annotation.createdBy.id === actor.id &&
        maySubmit(permissions, actor, annotation),
    )
    .sort(byPosition);

/** What this user may approve or send back now, in reading order. */
export const judgeable = <T extends Reviewable & Placed>(
  permissions: WorkbenchPermissions,
  actor: WorkbenchActor,
  annotations: readonly T[],
): T[] => annotations.filter((annotation) => mayJudge(permissions, actor, annotation)).sort(byPosition);

/** "Approve and next": the next annotation after `afterId` in reading order (wrapping round) that this user may review, other than it; null when none is left here. */
export function nextToJudge<T extends Reviewable & Placed>(
  permissions: WorkbenchPermissions,
  actor: WorkbenchActor,
  annotations: readonly T[],
  afterId: string,
): T | null {
  const current = annotations.find((annotation) => annotation.id === afterId);
  const candidates = judgeable(permissions, actor, annotations).filter((annotation) => annotation.id !== afterId);
  if (!current) return candidates[0] ?? null;
  return candidates.find((annotation) => byPosition(annotation, current) > 0) ?? candidates[0] ?? null;
}
