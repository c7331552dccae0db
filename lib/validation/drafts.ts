import { canBeStored, hasSomeField, NOTHING_TO_CHANGE, ZBody } from "./map-fields";
import { z } from "zod";
import { MERGE_KINDS } from "@/lib/domain/map-merge";
import { ZMoment } from "./journal";

export const DRAFT_NAME_MAX = 120;
export const DRAFT_DESCRIPTION_MAX = 2000;

const ZDraftName = z
  .string({ error: `"name" must be text: what the plan is, like "Split Checkout".` })
  .trim()
  .min(1, `Give the draft a name, like "Split Checkout".`)
  .max(DRAFT_NAME_MAX, `A draft's name has at most ${DRAFT_NAME_MAX} characters.`);

const ZDraftDescription = z
  .string({ error: `"description" must be text, or null.` })
  .trim()
  .max(
    DRAFT_DESCRIPTION_MAX,
    `A draft's description has at most ${DRAFT_DESCRIPTION_MAX.toLocaleString("en")} characters.`,
  )
  .nullish();

/** `POST drafts`: a new draft from live, or with `from` a copy of another draft. */
export const ZCreateDraft = ZBody("a draft", {
  name: ZDraftName,
  description: ZDraftDescription,
  from: z
    .string({ error: `"from" must be a draft's id, or left out to start from live.` })
    .trim()
    .min(1, `"from" must be a draft's id, or left out to start from live.`)
    .max(100, `"from" must be a draft's id.`)
    .optional(),
});

export const ZUpdateDraft = ZBody("a draft", {
  name: ZDraftName.optional(),
  description: ZDraftDescription,
}).refine(hasSomeField, { error: NOTHING_TO_CHANGE });

const COMPARE_WITH = `"with" is "live" or a draft's id.`;

/** `GET compare?with=`: live, or another draft's id. */
export const ZCompareQuery = z.object({
  with: z
    .string({ error: COMPARE_WITH })
    .trim()
    .min(1, COMPARE_WITH)
    .max(100, COMPARE_WITH)
    .refine(canBeStored, COMPARE_WITH)
    .default("live"),
});

const CHOICE_KEY = "Each choice is keyed by a conflict's id, as the conflicts list gives it.";
const CONFLICT_ID = new RegExp(`^(${MERGE_KINDS.join("|")}):[^\\s]{1,400}$`);

/** `POST publish`: for each conflict a previous attempt listed, which side to keep. */
export const ZPublishDraft = ZBody("a publish request", {
  choices: z
    .record(
      z.string().regex(CONFLICT_ID, CHOICE_KEY),
      z.enum(["live", "draft"], { error: 'Each choice is "live" or "draft".' }),
      {
        error: (issue) => {
          if (issue.code === "invalid_key") return CHOICE_KEY;
          if (issue.code === "invalid_type")
            return `"choices" must be an object: each conflict's id -> "live" or "draft".`;
          return undefined;
        },
      },
    )
    .refine((choices) => Object.keys(choices).length <= 10_000, "At most 10,000 choices.")
    .optional(),
});

/** `POST schedule`: the moment to publish at (in the future: the use case checks against its clock). */
export const ZScheduleDraft = ZBody("a schedule", { at: ZMoment("at") });
