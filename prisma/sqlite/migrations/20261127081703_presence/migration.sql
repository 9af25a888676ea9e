-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- CreateTable
CREATE TABLE "Presence" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL PRIMARY KEY,
    "annotationId" TEXT,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Presence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Presence_articleId_seenAt_idx" ON "Presence"("articleId", "seenAt");

COMMIT;
