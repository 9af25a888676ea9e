-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "language" TEXT,
ADD COLUMN     "modifiedAt" TIMESTAMP(3);

COMMIT;
