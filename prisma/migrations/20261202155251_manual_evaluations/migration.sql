-- CreateEnum
CREATE TYPE "EvaluationMode" AS ENUM ('API', 'MANUAL');

-- AlterTable
ALTER TABLE "EvaluationRun" ADD COLUMN     "mode" "EvaluationMode" NOT NULL DEFAULT 'API';
