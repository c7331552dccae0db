import "server-only";
import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/analyze-map";
import { RULE_IDS } from "@/lib/domain/rules";

/** A flag as compared between two maps (a draft and live, or a map before and after an action). */
export const ZComparedFlag = z.strictObject({
  key: z.string().meta({ description: "The flag's identity across maps: its kind and the keys it names." }),
  kind: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  message: z.string(),
});
