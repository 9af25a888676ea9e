import type { AnyUseCase } from "./serve";
import { createAnnotation } from "../server/annotation/create-annotation";
import { createAnnotations } from "../server/annotation/create-annotations";
import { storeRevision } from "../server/article/store-revision";
import { createComment } from "../server/comment/create-comment";
import { deleteAnnotation } from "../server/annotation/delete-annotation";
import { deleteComment } from "../server/comment/delete-comment";
import { reviewAnnotation } from "../server/review/review-annotation";
import { reviewBatch } from "../server/review/review-batch";
import { submitAnnotation } from "../server/annotation/submit-annotation";
import { submitDrafts } from "../server/annotation/submit-drafts";
import { updateAnnotation } from "../server/annotation/update-annotation";
import { updateComment } from "../server/comment/update-comment";
import { focusPresence, removePresence, sweepPresence, touchPresence } from "../realtime/presence";
import { recordTokenUse } from "../server/token/record-token-use";

/**
 * The use cases the database thread runs, by the name each gave onDbThread
 * (a unit test checks that every wrapped use case is listed). Only use cases
 * whose every effect is in the database belong here: one that also touches
 * this process's memory (the in-process event bus for presence, say) would
 * touch the thread's copy instead, so it stays on the request thread.
 */
export const dbThreadUseCases = new Map<string, AnyUseCase>(
  [
    createAnnotation,
    createAnnotations,
    updateAnnotation,
    deleteAnnotation,
    submitAnnotation,
    reviewAnnotation,
    submitDrafts,
    reviewBatch,
    storeRevision,
    createComment,
    updateComment,
    deleteComment,
    // Frequent small writes that would otherwise wait for the write lock on the request thread.
    touchPresence,
    focusPresence,
    removePresence,
    sweepPresence,
    recordTokenUse,
  ].map((useCase) => [useCase.dbThreadName, useCase]),
);
