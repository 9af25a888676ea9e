-- Factmark: one transaction, so a failure leaves the database as it was.
-- Written by hand from Prisma's diff: Prisma redefines the tables here (copy, DROP TABLE, rename), and
-- inside a transaction PRAGMA foreign_keys=OFF does nothing, so dropping "Article" would cascade-delete
-- every annotation. Adding columns in place keeps every row where it is.
BEGIN;

ALTER TABLE "Article" ADD COLUMN "publicUrl" TEXT;
ALTER TABLE "Article" ADD COLUMN "lastClaimNumber" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Article" ADD COLUMN "lastDenialNumber" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Article" ADD COLUMN "lastAnalysisNumber" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Annotation" ADD COLUMN "number" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Annotation" ADD COLUMN "publicNote" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "notRatedReason" TEXT;

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
