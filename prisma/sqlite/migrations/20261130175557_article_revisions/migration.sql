-- Factmark: foreign keys off around the transaction, so a table rebuilt by copy does not cascade-delete.
PRAGMA foreign_keys=OFF;
-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ArticleRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "blocks" TEXT NOT NULL,
    "note" TEXT,
    "anchoredCount" INTEGER NOT NULL DEFAULT 0,
    "changedCount" INTEGER NOT NULL DEFAULT 0,
    "orphanedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ArticleRevision" ("articleId", "blocks", "createdAt", "createdById", "id", "number", "text") SELECT "articleId", "blocks", "createdAt", "createdById", "id", "number", "text" FROM "ArticleRevision";
DROP TABLE "ArticleRevision";
ALTER TABLE "new_ArticleRevision" RENAME TO "ArticleRevision";
CREATE UNIQUE INDEX "ArticleRevision_articleId_number_key" ON "ArticleRevision"("articleId", "number");
CREATE TABLE "new_Annotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "anchorStatus" TEXT NOT NULL DEFAULT 'ANCHORED',
    "anchorScore" REAL NOT NULL DEFAULT 1,
    "previousQuote" TEXT,
    "speaker" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "verdict" TEXT,
    "rationale" TEXT,
    "deniesId" TEXT,
    "number" INTEGER NOT NULL DEFAULT 0,
    "publicNote" TEXT,
    "notRatedReason" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Annotation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Annotation_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_deniesId_fkey" FOREIGN KEY ("deniesId") REFERENCES "Annotation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Annotation" ("articleId", "createdAt", "createdById", "deniesId", "end", "id", "kind", "notRatedReason", "note", "number", "prefix", "publicNote", "quote", "rationale", "revisionId", "speaker", "start", "status", "suffix", "updatedAt", "verdict", "version") SELECT "articleId", "createdAt", "createdById", "deniesId", "end", "id", "kind", "notRatedReason", "note", "number", "prefix", "publicNote", "quote", "rationale", "revisionId", "speaker", "start", "status", "suffix", "updatedAt", "verdict", "version" FROM "Annotation";
DROP TABLE "Annotation";
ALTER TABLE "new_Annotation" RENAME TO "Annotation";
CREATE INDEX "Annotation_articleId_start_idx" ON "Annotation"("articleId", "start");
CREATE INDEX "Annotation_articleId_kind_number_idx" ON "Annotation"("articleId", "kind", "number");
CREATE INDEX "Annotation_revisionId_idx" ON "Annotation"("revisionId");
CREATE INDEX "Annotation_articleId_anchorStatus_idx" ON "Annotation"("articleId", "anchorStatus");
CREATE INDEX "Annotation_status_updatedAt_idx" ON "Annotation"("status", "updatedAt");
CREATE INDEX "Annotation_createdById_idx" ON "Annotation"("createdById");
CREATE INDEX "Annotation_deniesId_idx" ON "Annotation"("deniesId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

COMMIT;
PRAGMA foreign_keys=ON;
