"use client";

import type { AnnotationKind } from "@/lib/domain/annotation";
import type { AnnotationView, ArticleSummaryView, ArticleView, RevisionView } from "@/lib/views/article-view";
import type { BatchAnswer } from "@/lib/views/batch-result";
import type { CommentView } from "@/lib/views/comment-view";
import type { ReviewQueue } from "@/lib/views/review-queue";
import type { SimilarClaim } from "@/lib/views/similar-claim";
import { api, ApiError } from "../api-client";
import type { AnnotationPatch, sourceBody } from "./drafts";

/** The workbench's calls to /api/v1; each change answers with the whole annotation at its new version. */
const id = (value: string) => encodeURIComponent(value);

export const createAnnotation = (
  articleId: string,
  body: { kind: AnnotationKind; start: number; end: number; quote: string },
) => api<AnnotationView>(`/articles/${id(articleId)}/annotations`, { method: "POST", body });

export const updateAnnotation = (annotationId: string, body: AnnotationPatch) =>
  api<AnnotationView>(`/annotations/${id(annotationId)}`, { method: "PATCH", body });

export const deleteAnnotation = (annotationId: string, version: number) =>
  api<void>(`/annotations/${id(annotationId)}?version=${version}`, { method: "DELETE" });

export const addSource = (annotationId: string, body: ReturnType<typeof sourceBody>) =>
  api<AnnotationView>(`/annotations/${id(annotationId)}/sources`, { method: "POST", body });

/** `version`: the annotation's version the user last saw, so a change over someone else's newer one is refused (409). */
export const updateSource = (
  sourceId: string,
  body: Partial<ReturnType<typeof sourceBody>> & { position?: number; version: number },
) => api<AnnotationView>(`/sources/${id(sourceId)}`, { method: "PATCH", body });

export const removeSource = (sourceId: string, version: number) =>
  api<AnnotationView>(`/sources/${id(sourceId)}?version=${version}`, { method: "DELETE" });

export const submitAnnotation = (annotationId: string, version: number) =>
  api<AnnotationView>(`/annotations/${id(annotationId)}/submit`, { method: "POST", body: { version } });

export const reviewAnnotation = (
  annotationId: string,
  body: { decision: "APPROVE" | "REQUEST_CHANGES"; note?: string; version: number },
) => api<AnnotationView>(`/annotations/${id(annotationId)}/review`, { method: "POST", body });

/** All the caller's drafts on the article, all or nothing (a refusal is an ApiError naming the first problem). */
export const submitDrafts = (articleId: string) =>
  api<BatchAnswer & { remaining: number }>(`/articles/${id(articleId)}/submit-drafts`, { method: "POST", body: {} });

/** Several decisions at once, each standing or refused on its own (see results). */
export const reviewMany = (
  decisions: { annotationId: string; decision: "APPROVE" | "REQUEST_CHANGES"; note?: string; version: number }[],
) => api<BatchAnswer>("/reviews", { method: "POST", body: { decisions } });

/** The oldest annotation waiting for this reviewer anywhere, if any ("Approve and next" past the article's last one). */
export const nextInQueue = async () => (await api<ReviewQueue>("/review-queue?pageSize=1")).items[0] ?? null;

export const updateArticle = (articleId: string, body: { publicUrl: string | null }) =>
  api<ArticleView>(`/articles/${id(articleId)}`, { method: "PATCH", body });

/** What re-anchoring made of the annotations across a new revision. */
export type Reanchoring = { anchored: number; changed: number; orphaned: number };

/** A new revision of the article; `baseRevisionId` the one the user had open (a newer one meanwhile is a 409). */
export const addRevision = (
  articleId: string,
  body: { text?: string; html?: string; note?: string; baseRevisionId: string },
) =>
  api<{ revision: RevisionView; reanchoring: Reanchoring; annotations: AnnotationView[] }>(
    `/articles/${id(articleId)}/revisions`,
    { method: "POST", body },
  );

/** The page at `url` through the guarded fetcher (as the import form uses it), reduced to HTML for a revision. */
export const fetchPage = (url: string) =>
  api<{ html: string; characters: number; sourceUrl: string }>("/articles/fetch", { method: "POST", body: { url } });

/** Puts an unplaced (orphaned) annotation on a span of the current revision. */
export const placeAnnotation = (
  annotationId: string,
  body: { start: number; end: number; quote: string; version: number },
) => api<AnnotationView>(`/annotations/${id(annotationId)}`, { method: "PATCH", body });

/** The article with each annotation as its summary, as the page carries them: the workbench's re-reads (decision 028). */
export const fetchArticleSummaries = (articleId: string) =>
  api<ArticleSummaryView>(`/articles/${id(articleId)}?annotations=summary`);

export const signOffArticle = (articleId: string, note: string) =>
  api<ArticleView>(`/articles/${id(articleId)}/sign-off`, { method: "POST", body: note ? { note } : {} });

export const reopenArticle = (articleId: string, note: string) =>
  api<ArticleView>(`/articles/${id(articleId)}/reopen`, { method: "POST", body: { note } });

/** One annotation in full: its details, read when it is opened (the page carries summaries: decision 028). */
export const fetchAnnotation = (annotationId: string) => api<AnnotationView>(`/annotations/${id(annotationId)}`);

/**
 * The annotation as stored now, or null when it is gone. (The 409 body carries
 * it as `error.current`, but ApiError keeps only code, message and fields.)
 */
export async function currentAnnotation(annotationId: string): Promise<AnnotationView | null> {
  try {
    return await fetchAnnotation(annotationId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const isConflict = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && error.code === "CONFLICT";

/** A 409 that means the page is out of date (a stale version, a state already left, a sign-off meanwhile): worth re-reading the article. */
export const isOutOfDate = (error: unknown) => error instanceof ApiError && error.status === 409;

/** A sentence for errors that are not about one field. */
export function problem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "LOCKED") return "This article is signed off and read-only; a reviewer must reopen it first.";
    if (error.code === "FORBIDDEN") return `Not allowed: ${error.message}`;
    if (error.code === "UNAUTHENTICATED")
      return "Your session has ended. Sign in again in another tab, then retry: your text is still here.";
    if (error.code === "NOT_FOUND") return "It no longer exists: someone may have deleted it.";
    return error.message;
  }
  return "Could not reach Factmark. Check your connection and try again: your text is still here.";
}

/** The discussion under an annotation (comments/useCommentThread.ts); edits and deletions carry the version seen, as annotations do. */
export const fetchComments = async (annotationId: string) =>
  (await api<{ comments: CommentView[] }>(`/annotations/${id(annotationId)}/comments`)).comments;

export const postComment = (annotationId: string, body: string) =>
  api<CommentView>(`/annotations/${id(annotationId)}/comments`, { method: "POST", body: { body } });

export const editComment = (commentId: string, body: string, version: number) =>
  api<CommentView>(`/comments/${id(commentId)}`, { method: "PATCH", body: { body, version } });

export const removeComment = (commentId: string, version: number) =>
  api<void>(`/comments/${id(commentId)}?version=${version}`, { method: "DELETE" });

/** An ApiError with this status and code (a comment deleted or changed meanwhile). */
export const isCode = (error: unknown, status: number, code: string) =>
  error instanceof ApiError && error.status === status && error.code === code;

/** "Checked before": earlier rated claims and denials from other articles (decision 030). */
export const fetchSimilarClaims = (text: string, excludeArticleId: string, limit = 5) =>
  api<{ items: SimilarClaim[] }>(
    `/claims/similar?text=${id(text)}&limit=${limit}&excludeArticleId=${id(excludeArticleId)}`,
  );

/** One annotation with its "based on" links both ways (the detail read carries them). */
export const fetchAnnotationLinks = (annotationId: string) =>
  api<AnnotationView & { reusedByCount: number }>(`/annotations/${id(annotationId)}`);

/** Reuse: the earlier verdict, rationale and sources copied through the ordinary update, with the link. */
export const reuseClaim = (
  annotationId: string,
  body: {
    version: number;
    verdict: string | null;
    notRatedReason: null;
    rationale: string | null;
    sources: ReturnType<typeof sourceBody>[];
    basedOnId: string;
  },
) => api<AnnotationView>(`/annotations/${id(annotationId)}`, { method: "PATCH", body });
