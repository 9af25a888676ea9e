-- Factmark: foreign keys off around the transaction, so a table rebuilt by copy does not cascade-delete.
PRAGMA foreign_keys=OFF;
-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- Search speed (#18, docs/decisions/029-full-text-search.md, "Facet values beside the index"): the
-- columns search filters and counts facets by are copied into the key table (one row per indexed
-- annotation, keyed by the FTS5 rowid), so that counting the facets of 30,000 matches reads one
-- narrow row per match by its integer key instead of looking the annotation up by its text id.
-- The speaker's record name is still read from Speaker by speakerId (a rename touches no annotation).
--
-- Kept in step by the triggers: the insert trigger writes them with the key (an upsert, so a key
-- row left behind by dropped triggers is corrected), "AnnotationFts_annotation_facets" on a change
-- of any of them (a status or verdict change is one more small write), the update trigger when it
-- has to create a missing key row. A migration that rebuilds Annotation must create these again
-- (tests/integration/search-index.test.ts).

ALTER TABLE "AnnotationFtsKey" ADD COLUMN "kind" TEXT;
ALTER TABLE "AnnotationFtsKey" ADD COLUMN "verdict" TEXT;
ALTER TABLE "AnnotationFtsKey" ADD COLUMN "status" TEXT;
ALTER TABLE "AnnotationFtsKey" ADD COLUMN "speakerId" TEXT;
ALTER TABLE "AnnotationFtsKey" ADD COLUMN "speaker" TEXT;
ALTER TABLE "AnnotationFtsKey" ADD COLUMN "createdAt" DATETIME;

DROP TRIGGER "AnnotationFts_annotation_insert";
CREATE TRIGGER "AnnotationFts_annotation_insert" AFTER INSERT ON "Annotation" BEGIN
  INSERT INTO "AnnotationFtsKey" ("annotationId", "kind", "verdict", "status", "speakerId", "speaker", "createdAt")
  VALUES (NEW."id", NEW."kind", NEW."verdict", NEW."status", NEW."speakerId", NEW."speaker", NEW."createdAt")
  ON CONFLICT ("annotationId") DO UPDATE SET "kind" = excluded."kind", "verdict" = excluded."verdict", "status" = excluded."status", "speakerId" = excluded."speakerId", "speaker" = excluded."speaker", "createdAt" = excluded."createdAt";
  INSERT INTO "AnnotationFts" ("rowid", "annotationId", "quote", "speaker", "note", "rationale", "sources")
  SELECT k."id", NEW."id", NEW."quote", coalesce(NEW."speaker", ''), NEW."note", coalesce(NEW."rationale", ''),
    coalesce((SELECT group_concat("line", char(10)) FROM (
      SELECT trim(coalesce(s."title", '') || char(10) || coalesce(s."publisher", ''), char(10)) AS "line"
      FROM "Source" s WHERE s."annotationId" = NEW."id" ORDER BY s."position")), '')
  FROM "AnnotationFtsKey" k WHERE k."annotationId" = NEW."id";
END;

DROP TRIGGER "AnnotationFts_annotation_update";
CREATE TRIGGER "AnnotationFts_annotation_update" AFTER UPDATE OF "quote", "speaker", "note", "rationale" ON "Annotation"
WHEN OLD."quote" IS NOT NEW."quote" OR OLD."speaker" IS NOT NEW."speaker" OR OLD."note" IS NOT NEW."note" OR OLD."rationale" IS NOT NEW."rationale"
BEGIN
  INSERT OR IGNORE INTO "AnnotationFtsKey" ("annotationId", "kind", "verdict", "status", "speakerId", "speaker", "createdAt") VALUES (NEW."id", NEW."kind", NEW."verdict", NEW."status", NEW."speakerId", NEW."speaker", NEW."createdAt");
  DELETE FROM "AnnotationFts" WHERE "rowid" = (SELECT "id" FROM "AnnotationFtsKey" WHERE "annotationId" = NEW."id");
  INSERT INTO "AnnotationFts" ("rowid", "annotationId", "quote", "speaker", "note", "rationale", "sources")
  SELECT k."id", NEW."id", NEW."quote", coalesce(NEW."speaker", ''), NEW."note", coalesce(NEW."rationale", ''),
    coalesce((SELECT group_concat("line", char(10)) FROM (
      SELECT trim(coalesce(s."title", '') || char(10) || coalesce(s."publisher", ''), char(10)) AS "line"
      FROM "Source" s WHERE s."annotationId" = NEW."id" ORDER BY s."position")), '')
  FROM "AnnotationFtsKey" k WHERE k."annotationId" = NEW."id";
END;

CREATE TRIGGER "AnnotationFts_annotation_facets" AFTER UPDATE OF "kind", "verdict", "status", "speakerId", "speaker", "createdAt" ON "Annotation"
WHEN OLD."kind" IS NOT NEW."kind" OR OLD."verdict" IS NOT NEW."verdict" OR OLD."status" IS NOT NEW."status" OR OLD."speakerId" IS NOT NEW."speakerId" OR OLD."speaker" IS NOT NEW."speaker" OR OLD."createdAt" IS NOT NEW."createdAt"
BEGIN
  UPDATE "AnnotationFtsKey" SET "kind" = NEW."kind", "verdict" = NEW."verdict", "status" = NEW."status", "speakerId" = NEW."speakerId", "speaker" = NEW."speaker", "createdAt" = NEW."createdAt" WHERE "annotationId" = NEW."id";
END;

-- Back-fill.
UPDATE "AnnotationFtsKey" AS k SET "kind" = a."kind", "verdict" = a."verdict", "status" = a."status", "speakerId" = a."speakerId", "speaker" = a."speaker", "createdAt" = a."createdAt"
FROM "Annotation" a WHERE a."id" = k."annotationId";

COMMIT;
PRAGMA foreign_keys=ON;
