-- Objection 补正 and clock stops (河南: appraisal and expert review do not count toward the deadline)
ALTER TABLE "Objection" ADD COLUMN "clockPaused" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "clockStopCause" TEXT,
ADD COLUMN "pausedWorkingDays" INTEGER NOT NULL DEFAULT 0;
