import type { AnnotationKind } from "../domain/annotation";

/** One submitted annotation waiting for a reviewer, across articles (the review queue's page). */
export type QueueItem = {
  id: string;
  kind: AnnotationKind;
  label: string;
  quote: string;
  version: number;
  submittedAt: string;
  article: { id: string; title: string };
  author: { id: string; name: string };
};
export type ReviewQueue = { items: QueueItem[]; total: number; page: number; pageSize: number };
