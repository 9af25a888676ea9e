-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('ANCHORED', 'CHANGED', 'ORPHANED');

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "anchoredCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "changedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "orphanedCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "anchorScore" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "anchorStatus" "AnchorStatus" NOT NULL DEFAULT 'ANCHORED',
ADD COLUMN     "previousQuote" TEXT;

-- CreateIndex
CREATE INDEX "Annotation_articleId_anchorStatus_idx" ON "Annotation"("articleId", "anchorStatus");

COMMIT;
