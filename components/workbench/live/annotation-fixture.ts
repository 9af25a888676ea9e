import { annotationLabel } from "@/lib/domain/annotation-label";
import type { AnnotationView, ArticleView } from "@/lib/views/article-view";

/** For the workbench's unit tests: a claim C1 by "u-me", version 1, with whatever the test overrides. */
export function annotation(overrides: Partial<AnnotationView> = {}): AnnotationView {
  const kind = overrides.kind ?? "CLAIM";
  const number = overrides.number ?? 1;
  return {
    id: "a1",
    articleId: "art",
    revisionId: "rev",
    anchor: { status: "ANCHORED", score: 1 },
    previousQuote: null,
    kind,
    number,
    label: annotationLabel(kind, number),
    start: 10,
    end: 20,
    quote: "The sky is green",
    prefix: "",
    suffix: "",
    speaker: "Zhao",
    note: "",
    verdict: null,
    publicNote: null,
    notRatedReason: null,
    rationale: null,
    deniesId: null,
    status: "DRAFT",
    version: 1,
    createdBy: { id: "u-me", name: "Me" },
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    sources: [],
    lastReview: null,
    editorIds: [],
    ...overrides,
  };
}

/** For the workbench's unit tests: article "art" at version 1, revision "rev" (number 1), with whatever the test overrides. */
export function articleFixture(overrides: Partial<ArticleView> = {}): ArticleView {
  return {
    id: "art",
    title: "T",
    sourceUrl: null,
    publisher: null,
    author: null,
    publishedAt: null,
    modifiedAt: null,
    language: null,
    publicUrl: null,
    status: "DRAFT",
    version: 1,
    createdBy: { id: "u1", name: "Ana" },
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    revision: { id: "rev", number: 1, text: "", blocks: [], note: null, createdAt: "2026-01-01T00:00:00.000Z" },
    history: [],
    annotations: [],
    signOff: null,
    ...overrides,
  };
}
