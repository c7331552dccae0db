import { z } from "zod";
import { ZRef } from "./map-fields";

/** `GET analysis` query: `?teamId=` narrows the answer to one team. */
export const ZAnalysisQuery = z.object({ teamId: ZRef("teamId", "a team").optional() });
export type TAnalysisQuery = z.infer<typeof ZAnalysisQuery>;

/** `GET state` query: `?teamId=` narrows the map to what that team's page needs. */
export const ZMapStateQuery = z.object({ teamId: ZRef("teamId", "a team").optional() });
