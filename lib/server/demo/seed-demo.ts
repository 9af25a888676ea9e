import { quoteAt } from "../../anchoring/selector";
import { hashPassword } from "../../auth/passwords";
import type { Db } from "../../db/client";
import { importPlainText } from "../../import/plain-text";
import { AUDIT } from "../../domain/audit-actions";
import { takeAnnotationNumber } from "../annotation/annotation-number";
import { insertArticle } from "../article/insert-article";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DEMO_ARTICLE } from "./demo-content";
import { resolveSpeaker } from "../speaker/resolve-speaker";

export type DemoAccount = { email: string; name: string; role: "ADMIN" | "EDITOR" | "REVIEWER"; password: string };

/**
 * First run only: when the database has no users at all, creates one demo user
 * per role and the demo article with a few annotations. Never touches a
 * database that already has users. Returns whether it seeded.
 */
export async function seedDemo(db: Db, accounts: DemoAccount[]): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const hashed = await Promise.all(
    accounts.map(async (account) => ({ ...account, passwordHash: await hashPassword(account.password) })),
  );
  await db.$transaction(async (tx) => {
    const users = [];
    for (const account of hashed) {
      users.push(
        await tx.user.create({
          data: { email: account.email, name: account.name, role: account.role, passwordHash: account.passwordHash },
        }),
      );
    }
    const editor = users.find((user) => user.role === "EDITOR") ?? users[0];
    const content = importPlainText(DEMO_ARTICLE.text);
    const { article, revision } = await insertArticle(tx, {
      fields: {
        title: DEMO_ARTICLE.title,
        publisher: DEMO_ARTICLE.publisher,
        author: DEMO_ARTICLE.author,
        sourceUrl: DEMO_ARTICLE.sourceUrl,
        publishedAt: DEMO_ARTICLE.publishedAt,
      },
      content,
      actorId: editor.id,
    });
    await recordAuditEvent(tx, {
      articleId: article.id,
      actorId: editor.id,
      action: AUDIT.article.created,
      payload: { title: article.title, demo: true },
    });

    const idsByQuote = new Map<string, string>();
    for (const demo of DEMO_ARTICLE.annotations) {
      const start = content.text.indexOf(demo.quote);
      if (start < 0) throw new Error(`demo annotation quote not found in the demo article: ${demo.quote}`);
      const anchor = quoteAt(content.text, start, start + demo.quote.length);
      const number = await takeAnnotationNumber(tx, article.id, demo.kind);
      const annotation = await tx.annotation.create({
        data: {
          articleId: article.id,
          revisionId: revision.id,
          kind: demo.kind,
          number,
          start,
          end: start + demo.quote.length,
          ...anchor,
          ...(await resolveSpeaker(tx, { speaker: demo.speaker })),
          note: demo.note,
          verdict: "verdict" in demo ? demo.verdict : null,
          rationale: "rationale" in demo ? demo.rationale : null,
          deniesId: "denies" in demo ? idsByQuote.get(demo.denies) : null,
          createdById: editor.id,
          sources: {
            create: demo.sources.map((source, position) => ({
              ...source,
              position,
              accessedAt: new Date("2026-10-14T10:00:00Z"),
            })),
          },
        },
      });
      idsByQuote.set(demo.quote, annotation.id);
      await recordAuditEvent(tx, {
        articleId: article.id,
        annotationId: annotation.id,
        actorId: editor.id,
        action: AUDIT.annotation.created,
        payload: { kind: demo.kind, number, version: 1 },
      });
    }
  });
  return true;
}
