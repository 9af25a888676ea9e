-- Factmark: foreign keys off around the transaction, so a table rebuilt by copy does not cascade-delete.
PRAGMA foreign_keys=OFF;
-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "role" TEXT,
    "affiliation" TEXT,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SpeakerAlias" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "speakerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpeakerAlias_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "speakerId" TEXT,
    "basedOnId" TEXT,
    "basedOnChangedAt" DATETIME,
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
    CONSTRAINT "Annotation_deniesId_fkey" FOREIGN KEY ("deniesId") REFERENCES "Annotation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Annotation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Annotation_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "Annotation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Annotation" ("anchorScore", "anchorStatus", "articleId", "createdAt", "createdById", "deniesId", "end", "id", "kind", "notRatedReason", "note", "number", "prefix", "previousQuote", "publicNote", "quote", "rationale", "revisionId", "speaker", "start", "status", "suffix", "updatedAt", "verdict", "version") SELECT "anchorScore", "anchorStatus", "articleId", "createdAt", "createdById", "deniesId", "end", "id", "kind", "notRatedReason", "note", "number", "prefix", "previousQuote", "publicNote", "quote", "rationale", "revisionId", "speaker", "start", "status", "suffix", "updatedAt", "verdict", "version" FROM "Annotation";
DROP TABLE "Annotation";
ALTER TABLE "new_Annotation" RENAME TO "Annotation";
CREATE INDEX "Annotation_articleId_start_idx" ON "Annotation"("articleId", "start");
CREATE INDEX "Annotation_articleId_kind_number_idx" ON "Annotation"("articleId", "kind", "number");
CREATE INDEX "Annotation_revisionId_idx" ON "Annotation"("revisionId");
CREATE INDEX "Annotation_articleId_anchorStatus_idx" ON "Annotation"("articleId", "anchorStatus");
CREATE INDEX "Annotation_status_updatedAt_idx" ON "Annotation"("status", "updatedAt");
CREATE INDEX "Annotation_createdById_idx" ON "Annotation"("createdById");
CREATE INDEX "Annotation_deniesId_idx" ON "Annotation"("deniesId");
CREATE INDEX "Annotation_speakerId_createdAt_idx" ON "Annotation"("speakerId", "createdAt");
CREATE INDEX "Annotation_basedOnId_idx" ON "Annotation"("basedOnId");
CREATE INDEX "Annotation_kind_createdAt_idx" ON "Annotation"("kind", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Speaker_nameKey_key" ON "Speaker"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerAlias_nameKey_key" ON "SpeakerAlias"("nameKey");

-- CreateIndex
CREATE INDEX "SpeakerAlias_speakerId_idx" ON "SpeakerAlias"("speakerId");

-- Factmark: the speaker text already written becomes speaker records, one per name key (same name, same
-- record), named by its most common spelling (the earliest on a tie), and every annotation is linked to
-- its record. The key is speakerNameKey (lib/domain/speaker-name.ts) written in SQL: ASCII whitespace
-- collapsed, trimmed, ASCII letters lower-cased (SQLite lower() folds ASCII only, PostgreSQL lower() would fold
-- more, so it uses translate()). tests/integration/speaker-migration.test.ts checks it on both databases.
CREATE TEMP TABLE "_SpeakerText" AS
  SELECT "id", "createdAt", trim(replace(replace(replace(replace(replace(replace(replace(replace("speaker", char(9), ' '), char(10), ' '), char(11), ' '), char(12), ' '), char(13), ' '), ' ', ' ' || char(1)), char(1) || ' ', ''), char(1), '')) AS "spelling" FROM "Annotation" WHERE "speaker" IS NOT NULL;
DELETE FROM "_SpeakerText" WHERE "spelling" = '';
INSERT INTO "Speaker" ("id", "name", "nameKey", "createdAt", "updatedAt")
  SELECT 'c' || lower(hex(randomblob(12))), "spelling", "key", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM (
    SELECT "spelling", lower("spelling") AS "key",
      ROW_NUMBER() OVER (PARTITION BY lower("spelling") ORDER BY COUNT(*) DESC, MIN("createdAt"), "spelling") AS "rank"
    FROM "_SpeakerText" GROUP BY "spelling"
  ) WHERE "rank" = 1;
UPDATE "Annotation" SET "speakerId" = (
  SELECT "Speaker"."id" FROM "_SpeakerText" JOIN "Speaker" ON "Speaker"."nameKey" = lower("_SpeakerText"."spelling")
  WHERE "_SpeakerText"."id" = "Annotation"."id"
) WHERE "id" IN (SELECT "id" FROM "_SpeakerText");
DROP TABLE "_SpeakerText";

COMMIT;
PRAGMA foreign_keys=ON;
