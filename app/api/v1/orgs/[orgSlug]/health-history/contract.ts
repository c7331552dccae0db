import "server-only";
import { answer, defineOperation, ORG_PATH } from "@/lib/server/http/contract";
import { ZHealthHistory } from "@/lib/server/journal/answers";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/health-history`,
  tag: "Journal",
  summary: "Are we getting better? Flags of each kind and the average health, day by day",
  description:
    "The last 30 days (UTC), each as it was at its end (today: now), rebuilt from the journal. Days before the " +
    "journal began for the organisation are left out.",
  access: "read",
  responses: { 200: answer("The days, oldest first.", ZHealthHistory) },
});
