"use client";

import type { AnnotationKind } from "@/lib/domain/annotation";
import type { AnnotationView, ArticleView } from "@/lib/server/article-view";
import { api, ApiError } from "../api-client";
import type { patchBody, sourceBody } from "./drafts";

/** The workbench's calls to /api/v1; each change answers with the whole annotation at its new version. */
const id = (value: string) => encodeURIComponent(value);

export const createAnnotation = (articleId: string, body: { kind: AnnotationKind; start: number; end: number; quote: string }) =>
  api<AnnotationView>(`/articles/${id(articleId)}/annotations`, { method: "POST", body });

export const updateAnnotation = (annotationId: string, body: ReturnType<typeof patchBody>) => api<AnnotationView>(`/annotations/${id(annotationId)}`, { method: "PATCH", body });

export const deleteAnnotation = (annotationId: string, version: number) => api<void>(`/annotations/${id(annotationId)}?version=${version}`, { method: "DELETE" });

export const addSource = (annotationId: string, body: ReturnType<typeof sourceBody>) => api<AnnotationView>(`/annotations/${id(annotationId)}/sources`, { method: "POST", body });

export const updateSource = (sourceId: string, body: Partial<ReturnType<typeof sourceBody>> & { position?: number }) => api<AnnotationView>(`/sources/${id(sourceId)}`, { method: "PATCH", body });

export const removeSource = (sourceId: string) => api<AnnotationView>(`/sources/${id(sourceId)}`, { method: "DELETE" });

/**
 * The annotation as stored now, or null when it is gone. (The 409 body carries
 * it as `error.current`, but ApiError keeps only code, message and fields.)
 */
export async function currentAnnotation(articleId: string, annotationId: string): Promise<AnnotationView | null> {
  const article = await api<ArticleView>(`/articles/${id(articleId)}`);
  return article.annotations.find((annotation) => annotation.id === annotationId) ?? null;
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409 && error.code === "CONFLICT";

/** A sentence for errors that are not about one field. */
export function problem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "LOCKED") return "This article is signed off and read-only; a reviewer must reopen it first.";
    if (error.code === "FORBIDDEN") return `Not allowed: ${error.message}`;
    if (error.code === "UNAUTHENTICATED") return "Your session has ended. Sign in again in another tab, then retry: your text is still here.";
    if (error.code === "NOT_FOUND") return "It no longer exists: someone may have deleted it.";
    return error.message;
  }
  return "Could not reach Factmark. Check your connection and try again: your text is still here.";
}
