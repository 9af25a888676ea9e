-- Factmark: foreign keys off around the transaction, so a table rebuilt by copy does not cascade-delete.
PRAGMA foreign_keys=OFF;
-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- CreateIndex
CREATE INDEX "Annotation_search_facets_idx" ON "Annotation"("id", "kind", "verdict", "status", "speakerId", "speaker", "createdAt");

COMMIT;
PRAGMA foreign_keys=ON;
