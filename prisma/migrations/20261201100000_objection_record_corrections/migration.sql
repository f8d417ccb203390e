-- 移出名单: a list entry removed from its list by an objection (rules.md, Objection outcomes [C])
ALTER TYPE "RecordStatus" ADD VALUE 'REMOVED';

-- Which records are list entries, and when one was removed from its list
ALTER TABLE "DishonestyRecord" ADD COLUMN "listEntry" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "removedFromListAt" TIMESTAMP(3);

-- An objection's correction of severity, decision date or sanction kind, kept with the record's version
ALTER TABLE "RecordVersion" ADD COLUMN "corrections" JSONB;
