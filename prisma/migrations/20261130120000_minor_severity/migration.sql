-- 轻微 (minor) records: not published, or at most 3 months (国办发〔2025〕22号).
-- AlterEnum
ALTER TYPE "Severity" ADD VALUE 'MINOR' BEFORE 'GENERAL';
