-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- CreateIndex
CREATE INDEX "Annotation_search_facets_idx" ON "Annotation"("id", "kind", "verdict", "status", "speakerId", "speaker", "createdAt");

COMMIT;
