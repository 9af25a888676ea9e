-- Factmark: one transaction, so a failure leaves the database as it was.
BEGIN;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "basedOnChangedAt" TIMESTAMP(3),
ADD COLUMN     "basedOnId" TEXT,
ADD COLUMN     "speakerId" TEXT;

-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "role" TEXT,
    "affiliation" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerAlias" (
    "id" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeakerAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Speaker_nameKey_key" ON "Speaker"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerAlias_nameKey_key" ON "SpeakerAlias"("nameKey");

-- CreateIndex
CREATE INDEX "SpeakerAlias_speakerId_idx" ON "SpeakerAlias"("speakerId");

-- CreateIndex
CREATE INDEX "Annotation_speakerId_createdAt_idx" ON "Annotation"("speakerId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_basedOnId_idx" ON "Annotation"("basedOnId");

-- CreateIndex
CREATE INDEX "Annotation_kind_createdAt_idx" ON "Annotation"("kind", "createdAt");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerAlias" ADD CONSTRAINT "SpeakerAlias_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

COMMIT;
