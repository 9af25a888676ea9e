-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- Full-text search (#18, docs/decisions/029-full-text-search.md): one tsvector per annotation and per
-- article, kept in step by triggers on Annotation, Source, Article and ArticleRevision, so every write
-- path (API, W3C import, CLI, revisions, merges, raw SQL) updates the index in its own transaction.
-- Weights: A = quote / title, B = speaker, C = rationale and source titles / publishers, D = note / body.
-- Config 'english' (stemming, stop words). A row is deleted with its annotation or article by the
-- foreign key's cascade.
--
-- NO SEMICOLON may appear inside a statement or a comment of this file: Prisma's PostgreSQL adapter runs
-- a migration by splitting it at every semicolon. The SQL functions are single statements without one,
-- and the PL/pgSQL bodies are E'' strings that write each semicolon as the octal escape \073.

CREATE TABLE "AnnotationFts" (
    "annotationId" TEXT NOT NULL,
    "document" tsvector NOT NULL,

    CONSTRAINT "AnnotationFts_pkey" PRIMARY KEY ("annotationId"),
    CONSTRAINT "AnnotationFts_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "AnnotationFts_document_idx" ON "AnnotationFts" USING GIN ("document");

CREATE TABLE "ArticleFts" (
    "articleId" TEXT NOT NULL,
    "document" tsvector NOT NULL,

    CONSTRAINT "ArticleFts_pkey" PRIMARY KEY ("articleId"),
    CONSTRAINT "ArticleFts_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ArticleFts_document_idx" ON "ArticleFts" USING GIN ("document");

-- The annotation's document from its current columns and sources. Finds nothing (and writes nothing)
-- when the annotation is gone, as when its sources are deleted by the cascade.
CREATE FUNCTION "annotation_fts_refresh"(target TEXT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "AnnotationFts" ("annotationId", "document")
  SELECT a."id",
    setweight(to_tsvector('english', a."quote"), 'A') ||
    setweight(to_tsvector('english', coalesce(a."speaker", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(a."rationale", '') || E'\n' || coalesce((
      SELECT string_agg(concat_ws(E'\n', s."title", s."publisher"), E'\n' ORDER BY s."position")
      FROM "Source" s WHERE s."annotationId" = a."id"), '')), 'C') ||
    setweight(to_tsvector('english', a."note"), 'D')
  FROM "Annotation" a WHERE a."id" = target
  ON CONFLICT ("annotationId") DO UPDATE SET "document" = EXCLUDED."document"
$$;

-- The body is the current revision's first 200,000 characters: a tsvector holds at most 1 MB, and a
-- longer text would make the article's write fail (positions stop at 16,383 words anyway).
CREATE FUNCTION "article_fts_refresh"(target TEXT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ArticleFts" ("articleId", "document")
  SELECT a."id",
    setweight(to_tsvector('english', a."title"), 'A') ||
    setweight(to_tsvector('english', left(coalesce((
      SELECT r."text" FROM "ArticleRevision" r WHERE r."id" = a."currentRevisionId"), ''), 200000)), 'D')
  FROM "Article" a WHERE a."id" = target
  ON CONFLICT ("articleId") DO UPDATE SET "document" = EXCLUDED."document"
$$;

CREATE FUNCTION "annotation_fts_on_annotation"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "annotation_fts_refresh"(NEW."id")\073 RETURN NULL\073 END\073';

-- A source's annotation before (update, delete) and after (insert, update) the change.
CREATE FUNCTION "annotation_fts_on_source"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  IF TG_OP <> ''INSERT'' THEN PERFORM "annotation_fts_refresh"(OLD."annotationId")\073 END IF\073
  IF TG_OP <> ''DELETE'' THEN PERFORM "annotation_fts_refresh"(NEW."annotationId")\073 END IF\073
  RETURN NULL\073
END\073';

CREATE FUNCTION "article_fts_on_article"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "article_fts_refresh"(NEW."id")\073 RETURN NULL\073 END\073';

-- The article whose current revision this is (a revision's text is written once, but a repair by SQL
-- must not leave the body stale).
CREATE FUNCTION "article_fts_on_revision"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "article_fts_refresh"(a."id") FROM "Article" a WHERE a."currentRevisionId" = NEW."id"\073 RETURN NULL\073 END\073';

-- UPDATE OF + WHEN: status, verdict, version and anchoring writes do not touch the index.
CREATE TRIGGER "AnnotationFts_annotation_insert" AFTER INSERT ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION "annotation_fts_on_annotation"();
CREATE TRIGGER "AnnotationFts_annotation_update" AFTER UPDATE OF "quote", "speaker", "note", "rationale" ON "Annotation"
  FOR EACH ROW WHEN (OLD."quote" IS DISTINCT FROM NEW."quote" OR OLD."speaker" IS DISTINCT FROM NEW."speaker"
    OR OLD."note" IS DISTINCT FROM NEW."note" OR OLD."rationale" IS DISTINCT FROM NEW."rationale")
  EXECUTE FUNCTION "annotation_fts_on_annotation"();
CREATE TRIGGER "AnnotationFts_source_insert" AFTER INSERT ON "Source"
  FOR EACH ROW EXECUTE FUNCTION "annotation_fts_on_source"();
CREATE TRIGGER "AnnotationFts_source_update" AFTER UPDATE OF "title", "publisher", "annotationId", "position" ON "Source"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."publisher" IS DISTINCT FROM NEW."publisher"
    OR OLD."annotationId" IS DISTINCT FROM NEW."annotationId" OR OLD."position" IS DISTINCT FROM NEW."position")
  EXECUTE FUNCTION "annotation_fts_on_source"();
CREATE TRIGGER "AnnotationFts_source_delete" AFTER DELETE ON "Source"
  FOR EACH ROW EXECUTE FUNCTION "annotation_fts_on_source"();
CREATE TRIGGER "ArticleFts_article_insert" AFTER INSERT ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "article_fts_on_article"();
CREATE TRIGGER "ArticleFts_article_update" AFTER UPDATE OF "title", "currentRevisionId" ON "Article"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."currentRevisionId" IS DISTINCT FROM NEW."currentRevisionId")
  EXECUTE FUNCTION "article_fts_on_article"();
CREATE TRIGGER "ArticleFts_revision_update" AFTER UPDATE OF "text" ON "ArticleRevision"
  FOR EACH ROW WHEN (OLD."text" IS DISTINCT FROM NEW."text")
  EXECUTE FUNCTION "article_fts_on_revision"();

-- Back-fill: every existing annotation and article gets its row.
SELECT "annotation_fts_refresh"("id") FROM "Annotation";
SELECT "article_fts_refresh"("id") FROM "Article";

COMMIT;
