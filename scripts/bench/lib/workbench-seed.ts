import { randomBytes } from "node:crypto";
import { cuidLike } from "./cuid-like";
import { quoteAt } from "../../../lib/anchoring/selector";
import { hashPassword } from "../../../lib/auth/passwords";
import type { Db } from "../../../lib/db/client";
import type { Actor } from "../../../lib/domain/actor";
import { createApiToken } from "../../../lib/server/token/create-api-token";
import { createArticle } from "../../../lib/server/article/create-article";
import { PROBE_WORDS, seedAnnotations } from "./workbench-article";

/**
 * Rows per createMany. SQLite (and Prisma on it) caps the parameters of one
 * statement; an annotation row has about 20 columns, so 40 rows stay far below
 * any cap while keeping the seeding of 10,000 annotations to a few seconds.
 */
const CHUNK = 40;

export type WorkbenchUsers = {
  /** Signs in in the browser (an editor, as most users of the workbench are). */
  viewer: { email: string; password: string; actor: Actor };
  /** The other editor, whose API token makes the live changes. */
  other: { token: string; actor: Actor };
};

export type SeededArticle = {
  id: string;
  size: number;
  probeId: string;
  probeVersion: number;
  text: string;
  createStart: number;
  createEnd: number;
};

export async function seedUsers(db: Db): Promise<WorkbenchUsers> {
  const password = randomBytes(12).toString("base64url");
  const viewerRow = await db.user.create({
    data: {
      email: "viewer@bench.example",
      name: "Vera Viewer",
      role: "EDITOR",
      passwordHash: await hashPassword(password),
    },
  });
  const otherRow = await db.user.create({ data: { email: "other@bench.example", name: "Otto Other", role: "EDITOR" } });
  const viewer: Actor = {
    id: viewerRow.id,
    email: viewerRow.email,
    name: viewerRow.name,
    role: "EDITOR",
    via: "session",
  };
  const other: Actor = { id: otherRow.id, email: otherRow.email, name: otherRow.name, role: "EDITOR", via: "session" };
  const { token } = await createApiToken(db, { actor: other, input: { name: "workbench bench" } });
  return { viewer: { email: viewerRow.email, password, actor: viewer }, other: { token, actor: other } };
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * The article through the app's own use case; its `size` annotations (plus
 * the probe, by the other editor, on the first words) and their sources
 * straight into the tables in chunks, which takes seconds where 10,000 API
 * calls would take minutes. No audit rows are written for them: the page reads
 * annotations, not their history.
 */
export async function seedArticle(db: Db, users: WorkbenchUsers, text: string, size: number): Promise<SeededArticle> {
  const article = await createArticle(db, {
    actor: users.viewer.actor,
    input: { title: `Long article, ${size.toLocaleString("en")} annotations`, text },
  });
  const revisionId = article.revision.id;
  const words = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const probe = { start: words[0].start, end: words[PROBE_WORDS - 1].end };
  const authors = [users.viewer.actor.id, users.other.actor.id];
  const seeded = seedAnnotations(text, size);
  const numbers = { CLAIM: 1, DENIAL: 0, ANALYSIS: 0 };
  const rows = [
    {
      id: cuidLike(),
      articleId: article.id,
      revisionId,
      kind: "CLAIM" as const,
      number: 1,
      ...probe,
      ...quoteAt(text, probe.start, probe.end),
      note: "",
      status: "DRAFT" as const,
      createdById: users.other.actor.id,
    },
    ...seeded.map((annotation) => {
      const { author, sources: _sources, number, ...fields } = annotation;
      // The probe is C1: every seeded claim moves up one.
      numbers[annotation.kind] = Math.max(numbers[annotation.kind], number + (annotation.kind === "CLAIM" ? 1 : 0));
      return {
        ...fields,
        number: number + (annotation.kind === "CLAIM" ? 1 : 0),
        id: cuidLike(),
        articleId: article.id,
        revisionId,
        createdById: authors[author],
      };
    }),
  ];
  await inChunks(rows, (chunk) => db.annotation.createMany({ data: chunk }));
  const sources = seeded.flatMap((annotation, i) =>
    annotation.sources.map((source, position) => ({
      ...source,
      id: cuidLike(),
      annotationId: rows[i + 1].id,
      position,
      accessedAt: new Date("2026-03-01T10:00:00Z"),
    })),
  );
  await inChunks(sources, (chunk) => db.source.createMany({ data: chunk }));
  await db.article.update({
    where: { id: article.id },
    data: { lastClaimNumber: numbers.CLAIM, lastDenialNumber: numbers.DENIAL, lastAnalysisNumber: numbers.ANALYSIS },
  });
  // The span `c` tags: five words after the probe, in the first paragraph, which no seeded annotation touches.
  return {
    id: article.id,
    size,
    probeId: rows[0].id,
    probeVersion: 1,
    text,
    createStart: words[PROBE_WORDS + 2].start,
    createEnd: words[PROBE_WORDS + 6].end,
  };
}
