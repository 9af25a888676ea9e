-- Factmark: foreign keys off around the transaction, so a table rebuilt by copy does not cascade-delete.
PRAGMA foreign_keys=OFF;
-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "language" TEXT;
ALTER TABLE "Article" ADD COLUMN "modifiedAt" DATETIME;

COMMIT;
PRAGMA foreign_keys=ON;
