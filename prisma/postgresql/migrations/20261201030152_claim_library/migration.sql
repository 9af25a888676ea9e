-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "basedOnChangedAt" TIMESTAMP(3),
ADD COLUMN     "basedOnId" TEXT,
ADD COLUMN     "speakerId" TEXT;

-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "role" TEXT,
    "affiliation" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerAlias" (
    "id" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeakerAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Speaker_nameKey_key" ON "Speaker"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerAlias_nameKey_key" ON "SpeakerAlias"("nameKey");

-- CreateIndex
CREATE INDEX "SpeakerAlias_speakerId_idx" ON "SpeakerAlias"("speakerId");

-- CreateIndex
CREATE INDEX "Annotation_speakerId_createdAt_idx" ON "Annotation"("speakerId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_basedOnId_idx" ON "Annotation"("basedOnId");

-- CreateIndex
CREATE INDEX "Annotation_kind_createdAt_idx" ON "Annotation"("kind", "createdAt");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerAlias" ADD CONSTRAINT "SpeakerAlias_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Factmark: the speaker text already written becomes speaker records, one per name key (same name, same
-- record), named by its most common spelling (the earliest on a tie), and every annotation is linked to
-- its record. The key is speakerNameKey (lib/domain/speaker-name.ts) written in SQL: ASCII whitespace
-- collapsed, trimmed, ASCII letters lower-cased (SQLite lower() folds ASCII only, PostgreSQL lower() would fold
-- more, so it uses translate()). tests/integration/speaker-migration.test.ts checks it on both databases.
CREATE TEMP TABLE "_SpeakerText" ON COMMIT DROP AS
  SELECT "id", "createdAt", trim(regexp_replace("speaker", '[\t\n\v\f\r ]+', ' ', 'g')) AS "spelling" FROM "Annotation" WHERE "speaker" IS NOT NULL;
DELETE FROM "_SpeakerText" WHERE "spelling" = '';
INSERT INTO "Speaker" ("id", "name", "nameKey", "createdAt", "updatedAt")
  SELECT 'c' || substr(md5(random()::text || clock_timestamp()::text || "key"), 1, 24), "spelling", "key", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM (
    SELECT "spelling", translate("spelling", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS "key",
      ROW_NUMBER() OVER (PARTITION BY translate("spelling", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') ORDER BY COUNT(*) DESC, MIN("createdAt"), "spelling") AS "rank"
    FROM "_SpeakerText" GROUP BY "spelling"
  ) AS "ranked" WHERE "rank" = 1;
UPDATE "Annotation" SET "speakerId" = "Speaker"."id"
  FROM "_SpeakerText" JOIN "Speaker" ON "Speaker"."nameKey" = translate("_SpeakerText"."spelling", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
  WHERE "_SpeakerText"."id" = "Annotation"."id";

COMMIT;
