-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- CreateTable
CREATE TABLE "Presence" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "annotationId" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("connectionId")
);

-- CreateIndex
CREATE INDEX "Presence_articleId_seenAt_idx" ON "Presence"("articleId", "seenAt");

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

COMMIT;
