-- Factmark: foreign keys off around the transaction, so a table rebuilt by copy does not cascade-delete.
PRAGMA foreign_keys=OFF;
-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- Full-text search (#18, docs/decisions/029-full-text-search.md): FTS5 tables kept in step with
-- Annotation, Source, Article and ArticleRevision by triggers, so every write path (API, W3C import,
-- CLI, revisions, merges, raw SQL) updates the index in its own transaction.
--
-- Each FTS5 row's rowid comes from a "...FtsKey" table with an INTEGER PRIMARY KEY: Annotation and
-- Article have text ids and their own rowids are not stable (VACUUM INTO and Prisma's table rebuilds
-- renumber them), and finding a row by the UNINDEXED id column would scan the whole index on every write.
--
-- A migration that rebuilds Annotation, Source, Article or ArticleRevision by copy DROPS these
-- triggers: it must create them again (tests/integration/search-index.test.ts fails if one is missing).

CREATE VIRTUAL TABLE "AnnotationFts" USING fts5("annotationId" UNINDEXED, "quote", "speaker", "note", "rationale", "sources", tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE "ArticleFts" USING fts5("articleId" UNINDEXED, "title", "body", tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TABLE "AnnotationFtsKey" ("id" INTEGER NOT NULL PRIMARY KEY, "annotationId" TEXT NOT NULL);
CREATE UNIQUE INDEX "AnnotationFtsKey_annotationId_key" ON "AnnotationFtsKey"("annotationId");
CREATE TABLE "ArticleFtsKey" ("id" INTEGER NOT NULL PRIMARY KEY, "articleId" TEXT NOT NULL);
CREATE UNIQUE INDEX "ArticleFtsKey_articleId_key" ON "ArticleFtsKey"("articleId");

-- Annotation: insert, a change of an indexed column (UPDATE OF + WHEN: status, verdict, version and
-- anchoring writes do not touch the index), delete.
CREATE TRIGGER "AnnotationFts_annotation_insert" AFTER INSERT ON "Annotation" BEGIN
  INSERT OR IGNORE INTO "AnnotationFtsKey" ("annotationId") VALUES (NEW."id");
  INSERT INTO "AnnotationFts" ("rowid", "annotationId", "quote", "speaker", "note", "rationale", "sources")
  SELECT k."id", NEW."id", NEW."quote", coalesce(NEW."speaker", ''), NEW."note", coalesce(NEW."rationale", ''),
    coalesce((SELECT group_concat("line", char(10)) FROM (
      SELECT trim(coalesce(s."title", '') || char(10) || coalesce(s."publisher", ''), char(10)) AS "line"
      FROM "Source" s WHERE s."annotationId" = NEW."id" ORDER BY s."position")), '')
  FROM "AnnotationFtsKey" k WHERE k."annotationId" = NEW."id";
END;

CREATE TRIGGER "AnnotationFts_annotation_update" AFTER UPDATE OF "quote", "speaker", "note", "rationale" ON "Annotation"
WHEN OLD."quote" IS NOT NEW."quote" OR OLD."speaker" IS NOT NEW."speaker" OR OLD."note" IS NOT NEW."note" OR OLD."rationale" IS NOT NEW."rationale"
BEGIN
  INSERT OR IGNORE INTO "AnnotationFtsKey" ("annotationId") VALUES (NEW."id");
  DELETE FROM "AnnotationFts" WHERE "rowid" = (SELECT "id" FROM "AnnotationFtsKey" WHERE "annotationId" = NEW."id");
  INSERT INTO "AnnotationFts" ("rowid", "annotationId", "quote", "speaker", "note", "rationale", "sources")
  SELECT k."id", NEW."id", NEW."quote", coalesce(NEW."speaker", ''), NEW."note", coalesce(NEW."rationale", ''),
    coalesce((SELECT group_concat("line", char(10)) FROM (
      SELECT trim(coalesce(s."title", '') || char(10) || coalesce(s."publisher", ''), char(10)) AS "line"
      FROM "Source" s WHERE s."annotationId" = NEW."id" ORDER BY s."position")), '')
  FROM "AnnotationFtsKey" k WHERE k."annotationId" = NEW."id";
END;

CREATE TRIGGER "AnnotationFts_annotation_delete" AFTER DELETE ON "Annotation" BEGIN
  DELETE FROM "AnnotationFts" WHERE "rowid" = (SELECT "id" FROM "AnnotationFtsKey" WHERE "annotationId" = OLD."id");
  DELETE FROM "AnnotationFtsKey" WHERE "annotationId" = OLD."id";
END;

-- Source: the annotation's row again, with its sources' titles and publishers. When the annotation
-- itself is being deleted (cascade), the SELECT finds no annotation and nothing is re-inserted.
CREATE TRIGGER "AnnotationFts_source_insert" AFTER INSERT ON "Source" BEGIN
  DELETE FROM "AnnotationFts" WHERE "rowid" = (SELECT "id" FROM "AnnotationFtsKey" WHERE "annotationId" = NEW."annotationId");
  INSERT INTO "AnnotationFts" ("rowid", "annotationId", "quote", "speaker", "note", "rationale", "sources")
  SELECT k."id", a."id", a."quote", coalesce(a."speaker", ''), a."note", coalesce(a."rationale", ''),
    coalesce((SELECT group_concat("line", char(10)) FROM (
      SELECT trim(coalesce(s."title", '') || char(10) || coalesce(s."publisher", ''), char(10)) AS "line"
      FROM "Source" s WHERE s."annotationId" = a."id" ORDER BY s."position")), '')
  FROM "Annotation" a JOIN "AnnotationFtsKey" k ON k."annotationId" = a."id" WHERE a."id" = NEW."annotationId";
END;

CREATE TRIGGER "AnnotationFts_source_update" AFTER UPDATE OF "title", "publisher", "annotationId", "position" ON "Source"
WHEN OLD."title" IS NOT NEW."title" OR OLD."publisher" IS NOT NEW."publisher" OR OLD."annotationId" IS NOT NEW."annotationId" OR OLD."position" IS NOT NEW."position"
BEGIN
  DELETE FROM "AnnotationFts" WHERE "rowid" IN (SELECT "id" FROM "AnnotationFtsKey" WHERE "annotationId" IN (OLD."annotationId", NEW."annotationId"));
  INSERT INTO "AnnotationFts" ("rowid", "annotationId", "quote", "speaker", "note", "rationale", "sources")
  SELECT k."id", a."id", a."quote", coalesce(a."speaker", ''), a."note", coalesce(a."rationale", ''),
    coalesce((SELECT group_concat("line", char(10)) FROM (
      SELECT trim(coalesce(s."title", '') || char(10) || coalesce(s."publisher", ''), char(10)) AS "line"
      FROM "Source" s WHERE s."annotationId" = a."id" ORDER BY s."position")), '')
  FROM "Annotation" a JOIN "AnnotationFtsKey" k ON k."annotationId" = a."id" WHERE a."id" IN (OLD."annotationId", NEW."annotationId");
END;

CREATE TRIGGER "AnnotationFts_source_delete" AFTER DELETE ON "Source" BEGIN
  DELETE FROM "AnnotationFts" WHERE "rowid" = (SELECT "id" FROM "AnnotationFtsKey" WHERE "annotationId" = OLD."annotationId");
  INSERT INTO "AnnotationFts" ("rowid", "annotationId", "quote", "speaker", "note", "rationale", "sources")
  SELECT k."id", a."id", a."quote", coalesce(a."speaker", ''), a."note", coalesce(a."rationale", ''),
    coalesce((SELECT group_concat("line", char(10)) FROM (
      SELECT trim(coalesce(s."title", '') || char(10) || coalesce(s."publisher", ''), char(10)) AS "line"
      FROM "Source" s WHERE s."annotationId" = a."id" ORDER BY s."position")), '')
  FROM "Annotation" a JOIN "AnnotationFtsKey" k ON k."annotationId" = a."id" WHERE a."id" = OLD."annotationId";
END;

-- Article: its title, and the text of its current revision as the body.
CREATE TRIGGER "ArticleFts_article_insert" AFTER INSERT ON "Article" BEGIN
  INSERT OR IGNORE INTO "ArticleFtsKey" ("articleId") VALUES (NEW."id");
  INSERT INTO "ArticleFts" ("rowid", "articleId", "title", "body")
  SELECT k."id", NEW."id", NEW."title", coalesce((SELECT r."text" FROM "ArticleRevision" r WHERE r."id" = NEW."currentRevisionId"), '')
  FROM "ArticleFtsKey" k WHERE k."articleId" = NEW."id";
END;

CREATE TRIGGER "ArticleFts_article_update" AFTER UPDATE OF "title", "currentRevisionId" ON "Article"
WHEN OLD."title" IS NOT NEW."title" OR OLD."currentRevisionId" IS NOT NEW."currentRevisionId"
BEGIN
  INSERT OR IGNORE INTO "ArticleFtsKey" ("articleId") VALUES (NEW."id");
  DELETE FROM "ArticleFts" WHERE "rowid" = (SELECT "id" FROM "ArticleFtsKey" WHERE "articleId" = NEW."id");
  INSERT INTO "ArticleFts" ("rowid", "articleId", "title", "body")
  SELECT k."id", NEW."id", NEW."title", coalesce((SELECT r."text" FROM "ArticleRevision" r WHERE r."id" = NEW."currentRevisionId"), '')
  FROM "ArticleFtsKey" k WHERE k."articleId" = NEW."id";
END;

CREATE TRIGGER "ArticleFts_article_delete" AFTER DELETE ON "Article" BEGIN
  DELETE FROM "ArticleFts" WHERE "rowid" = (SELECT "id" FROM "ArticleFtsKey" WHERE "articleId" = OLD."id");
  DELETE FROM "ArticleFtsKey" WHERE "articleId" = OLD."id";
END;

-- A revision's text is written once, but a repair by SQL must not leave the body stale.
CREATE TRIGGER "ArticleFts_revision_update" AFTER UPDATE OF "text" ON "ArticleRevision"
WHEN OLD."text" IS NOT NEW."text"
BEGIN
  DELETE FROM "ArticleFts" WHERE "rowid" IN (
    SELECT k."id" FROM "ArticleFtsKey" k JOIN "Article" a ON a."id" = k."articleId" WHERE a."currentRevisionId" = NEW."id");
  INSERT INTO "ArticleFts" ("rowid", "articleId", "title", "body")
  SELECT k."id", a."id", a."title", NEW."text"
  FROM "Article" a JOIN "ArticleFtsKey" k ON k."articleId" = a."id" WHERE a."currentRevisionId" = NEW."id";
END;

-- Back-fill: every existing annotation and article gets its row.
INSERT INTO "AnnotationFtsKey" ("annotationId") SELECT "id" FROM "Annotation" ORDER BY "createdAt", "id";
INSERT INTO "AnnotationFts" ("rowid", "annotationId", "quote", "speaker", "note", "rationale", "sources")
SELECT k."id", a."id", a."quote", coalesce(a."speaker", ''), a."note", coalesce(a."rationale", ''),
  coalesce((SELECT group_concat("line", char(10)) FROM (
    SELECT trim(coalesce(s."title", '') || char(10) || coalesce(s."publisher", ''), char(10)) AS "line"
    FROM "Source" s WHERE s."annotationId" = a."id" ORDER BY s."position")), '')
FROM "Annotation" a JOIN "AnnotationFtsKey" k ON k."annotationId" = a."id";

INSERT INTO "ArticleFtsKey" ("articleId") SELECT "id" FROM "Article" ORDER BY "createdAt", "id";
INSERT INTO "ArticleFts" ("rowid", "articleId", "title", "body")
SELECT k."id", a."id", a."title", coalesce((SELECT r."text" FROM "ArticleRevision" r WHERE r."id" = a."currentRevisionId"), '')
FROM "Article" a JOIN "ArticleFtsKey" k ON k."articleId" = a."id";

COMMIT;
PRAGMA foreign_keys=ON;
