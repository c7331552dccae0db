import "server-only";
import { z } from "zod";
import { answer, conflict, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZDutyView } from "@/lib/server/map/answers";
import { ZCreateDuty } from "@/lib/validation/duties";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/duties`,
  tag: "Duties",
  summary: "List the duty catalogue",
  access: "read",
  responses: { 200: answer("The duties in catalogue order.", wrap({ duties: z.array(ZDutyView) })) },
});

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/duties`,
  tag: "Duties",
  summary: "Add a duty to the catalogue",
  description: "The duty goes at the end. Without `key`, one is made from the name.",
  access: "edit_map",
  body: ZCreateDuty,
  responses: {
    201: answer("The new duty.", wrap({ duty: ZDutyView })),
    409: conflict("The key is taken (see `fields.key`)."),
  },
});
