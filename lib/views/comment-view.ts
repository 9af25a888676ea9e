import { oneLine } from "../domain/one-line";

/** What the API and the UI get for a comment: plain JSON, dates as ISO strings. */
export type CommentView = {
  id: string;
  annotationId: string;
  body: string;
  version: number;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  /** Changed since it was posted (every edit bumps the version). */
  edited: boolean;
};

/** The Prisma include that loads what a CommentView needs. */
export const commentInclude = { author: { select: { id: true, name: true } } } as const;

type CommentRow = {
  id: string;
  annotationId: string;
  body: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string };
};

export function toCommentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    annotationId: row.annotationId,
    body: row.body,
    version: row.version,
    author: { id: row.author.id, name: row.author.name },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    edited: row.version > 1,
  };
}

const EXCERPT_LENGTH = 80;

/** The start of a comment on one line, for audit events: enough to recognise it, never the whole text. */
export function commentExcerpt(body: string): string {
  return oneLine(body, EXCERPT_LENGTH);
}
