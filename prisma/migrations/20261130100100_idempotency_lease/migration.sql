-- AlterTable: an in-progress idempotent request holds its key by a lease its process renews: a crash lets it lapse.
ALTER TABLE "IdempotentRequest" ADD COLUMN "leaseUntil" TIMESTAMP(3);
