-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "lastAnalysisNumber" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastClaimNumber" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastDenialNumber" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "publicUrl" TEXT;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "notRatedReason" TEXT,
ADD COLUMN     "number" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "publicNote" TEXT;

-- CreateIndex
CREATE INDEX "Annotation_articleId_kind_number_idx" ON "Annotation"("articleId", "kind", "number");

-- Backfill: existing annotations are numbered per article and kind in reading order, and each
-- article remembers the last number given, so new labels continue from there.
UPDATE "Annotation" SET "number" = (
  SELECT "ranked"."n" FROM (
    SELECT "id", ROW_NUMBER() OVER (PARTITION BY "articleId", "kind" ORDER BY "start", "createdAt", "id") AS "n" FROM "Annotation"
  ) AS "ranked" WHERE "ranked"."id" = "Annotation"."id"
);
UPDATE "Article" SET
  "lastClaimNumber" = COALESCE((SELECT MAX("number") FROM "Annotation" WHERE "articleId" = "Article"."id" AND "kind" = 'CLAIM'), 0),
  "lastDenialNumber" = COALESCE((SELECT MAX("number") FROM "Annotation" WHERE "articleId" = "Article"."id" AND "kind" = 'DENIAL'), 0),
  "lastAnalysisNumber" = COALESCE((SELECT MAX("number") FROM "Annotation" WHERE "articleId" = "Article"."id" AND "kind" = 'ANALYSIS'), 0);

COMMIT;
