import "server-only";
import { z } from "zod";
import type { TPermission } from "@/lib/domain/roles";
import { MAP_IMPORT_BODY_LIMIT_BYTES } from "@/lib/server/map/import-map";
import {
  ZChangeMemberRole,
  ZCreateApiToken,
  ZCreateInvitation,
  ZCreateOrganization,
  ZSignUp,
} from "@/lib/validation/accounts";
import { ZAnalysisQuery, ZMapStateQuery } from "@/lib/validation/analysis";
import { ZJournalQuery, ZMomentQuery, ZRestoreTeam } from "@/lib/validation/journal";
import { ZCompareQuery, ZCreateDraft, ZPublishDraft, ZUpdateDraft } from "@/lib/validation/drafts";
import { ZSetAssignment } from "@/lib/validation/assignments";
import { ZPresence } from "@/lib/validation/presence";
import { ZCreateDuty, ZUpdateDuty } from "@/lib/validation/duties";
import { ZCreatePerson, ZUpdatePerson } from "@/lib/validation/people";
import { ZCreateSlot, ZUpdateSlot } from "@/lib/validation/slots";
import { ZCreateTeam, ZUpdateTeam } from "@/lib/validation/teams";
import {
  ZApiTokenSummary,
  ZAppliedSplit,
  ZAssignmentCell,
  ZCreatedApiToken,
  ZCreatedInvitation,
  ZDeletedDuty,
  ZDeletedPerson,
  ZDeletedSlot,
  ZDeletedTeam,
  ZDutyView,
  ZErrorBody,
  ZInvitationSummary,
  ZDraftComparison,
  ZDraftView,
  ZHealthHistory,
  ZJournalGroup,
  ZJournalPage,
  ZMapAnalysis,
  ZMergeConflict,
  ZOverview,
  ZMapCounts,
  ZMapDocument,
  ZMember,
  ZOrganizationSummary,
  ZPersonView,
  ZRemitMap,
  ZSlotView,
  ZTeamDetail,
  ZTeamSummary,
  ZUser,
} from "./response-schemas";

export type THttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call an operation: anyone; any signed-in caller (user or API token); a signed-in user only (tokens get
 * 403); or a member (or token) of the organisation in the path with this permission.
 */
export type TAccess = "anyone" | "signed-in" | "user" | TPermission;

export type TResponse = {
  description: string;
  /** A JSON body; none for 204. */
  schema?: z.ZodType;
  /** A body of another type, described in words. */
  mediaType?: string;
};

export type TOperation = {
  method: THttpMethod;
  /** OpenAPI style, like `/api/v1/orgs/{orgSlug}/teams/{teamId}`. */
  path: string;
  tag:
    | "Accounts"
    | "Organisations"
    | "Teams"
    | "Slots"
    | "Assignments"
    | "People"
    | "Duties"
    | "Map"
    | "Journal"
    | "Drafts"
    | "Live"
    | "API";
  summary: string;
  description?: string;
  access: TAccess;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyLimitBytes?: number;
  responses: Record<number, TResponse>;
};

export const PATH_PARAMETERS: Record<string, string> = {
  orgSlug: "The organisation's slug (its address).",
  teamId: "The team's id or key.",
  slotId: "The slot's id, or its key in the team.",
  personId: "The person's id or key.",
  dutyId: "The duty's id or key.",
  userId: "The member's user id.",
  invitationId: "The invitation's id.",
  tokenId: "The API token's id.",
  token: "The secret from the invitation link.",
  entryId: "A journal entry's id (its `seq`), or its group's id.",
  draftId: "The draft's id.",
};

const ORG = "/api/v1/orgs/{orgSlug}";
const TEAM = `${ORG}/teams/{teamId}`;
const DRAFT = `${ORG}/drafts/{draftId}`;

const ok = (description: string, schema: z.ZodType): TResponse => ({ description, schema });
const wrap = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const notFound = (what: string): TResponse => ({
  description: `No such ${what} in this organisation.`,
  schema: ZErrorBody,
});
const conflict = (description: string): TResponse => ({ description, schema: ZErrorBody });

export const API_OPERATIONS: readonly TOperation[] = [
  // Accounts and organisations
  {
    method: "POST",
    path: "/api/v1/signup",
    tag: "Accounts",
    summary: "Create an account with a password",
    access: "anyone",
    body: ZSignUp,
    responses: {
      201: ok("The new account.", wrap({ user: ZUser })),
      409: conflict("An account with this email exists."),
    },
  },
  {
    method: "GET",
    path: "/api/v1/orgs",
    tag: "Organisations",
    summary: "List the caller's organisations",
    description: "An API token sees only its own organisation.",
    access: "signed-in",
    responses: {
      200: ok(
        "The organisations, by name, with the caller's role.",
        wrap({ organizations: z.array(ZOrganizationSummary) }),
      ),
    },
  },
  {
    method: "POST",
    path: "/api/v1/orgs",
    tag: "Organisations",
    summary: "Create an organisation",
    description: "The caller becomes its Owner. It starts with the default duty catalogue and no teams.",
    access: "user",
    body: ZCreateOrganization,
    responses: {
      201: ok("The new organisation.", wrap({ organization: ZOrganizationSummary })),
      409: conflict("The slug is taken."),
    },
  },
  {
    method: "POST",
    path: "/api/v1/invitations/{token}/accept",
    tag: "Organisations",
    summary: "Accept an invitation",
    description: "The signed-in user must have the invited email.",
    access: "user",
    responses: {
      200: ok("The organisation joined.", wrap({ organization: ZOrganizationSummary })),
      404: { description: "The invitation link is not valid.", schema: ZErrorBody },
      409: conflict("The invitation was used, revoked or has expired."),
    },
  },
  {
    method: "GET",
    path: `${ORG}/members`,
    tag: "Organisations",
    summary: "List members",
    access: "read",
    responses: { 200: ok("The members, by name.", wrap({ members: z.array(ZMember) })) },
  },
  {
    method: "PATCH",
    path: `${ORG}/members/{userId}`,
    tag: "Organisations",
    summary: "Change a member's role",
    access: "manage_members",
    body: ZChangeMemberRole,
    responses: {
      200: ok(
        "The member's new role.",
        wrap({ member: z.strictObject({ userId: z.string(), role: z.enum(["OWNER", "MANAGER", "VIEWER"]) }) }),
      ),
      404: notFound("member"),
      409: conflict("It would leave the organisation without an Owner."),
    },
  },
  {
    method: "DELETE",
    path: `${ORG}/members/{userId}`,
    tag: "Organisations",
    summary: "Remove a member",
    access: "manage_members",
    responses: {
      204: { description: "Removed." },
      404: notFound("member"),
      409: conflict("It would leave the organisation without an Owner."),
    },
  },
  {
    method: "GET",
    path: `${ORG}/invitations`,
    tag: "Organisations",
    summary: "List pending invitations",
    access: "manage_members",
    responses: {
      200: ok("Invitations not accepted or revoked, newest first.", wrap({ invitations: z.array(ZInvitationSummary) })),
    },
  },
  {
    method: "POST",
    path: `${ORG}/invitations`,
    tag: "Organisations",
    summary: "Invite someone by email",
    description: "Replaces any pending invitation for the same email. The link is shown only in this answer.",
    access: "manage_members",
    body: ZCreateInvitation,
    responses: {
      201: ok("The invitation with its link.", wrap({ invitation: ZCreatedInvitation })),
      409: conflict("The email belongs to a member already."),
    },
  },
  {
    method: "DELETE",
    path: `${ORG}/invitations/{invitationId}`,
    tag: "Organisations",
    summary: "Revoke an invitation",
    access: "manage_members",
    responses: { 204: { description: "Revoked." }, 404: notFound("pending invitation") },
  },
  {
    method: "GET",
    path: `${ORG}/tokens`,
    tag: "Organisations",
    summary: "List API tokens",
    access: "manage_tokens",
    responses: {
      200: ok("Active tokens, newest first (never their secrets).", wrap({ tokens: z.array(ZApiTokenSummary) })),
    },
  },
  {
    method: "POST",
    path: `${ORG}/tokens`,
    tag: "Organisations",
    summary: "Create an API token",
    description: "The secret is shown only in this answer.",
    access: "manage_tokens",
    body: ZCreateApiToken,
    responses: { 201: ok("The token with its secret.", wrap({ token: ZCreatedApiToken })) },
  },
  {
    method: "DELETE",
    path: `${ORG}/tokens/{tokenId}`,
    tag: "Organisations",
    summary: "Revoke an API token",
    access: "manage_tokens",
    responses: { 204: { description: "Revoked." }, 404: notFound("active API token") },
  },

  // Teams
  {
    method: "GET",
    path: `${ORG}/teams`,
    tag: "Teams",
    summary: "List teams",
    access: "read",
    responses: {
      200: ok(
        "The teams by name, with their slots and numbers of assignments.",
        wrap({ teams: z.array(ZTeamSummary) }),
      ),
    },
  },
  {
    method: "POST",
    path: `${ORG}/teams`,
    tag: "Teams",
    summary: "Create a team",
    description: "The team gets a vacant PO slot and a vacant PM slot. Without `key`, one is made from the name.",
    access: "edit_map",
    body: ZCreateTeam,
    responses: {
      201: ok("The new team.", wrap({ team: ZTeamDetail })),
      409: conflict("The key is taken (see `fields.key`)."),
    },
  },
  {
    method: "GET",
    path: TEAM,
    tag: "Teams",
    summary: "Get a team with its slots and assignments",
    access: "read",
    responses: { 200: ok("The team.", wrap({ team: ZTeamDetail })), 404: notFound("team") },
  },
  {
    method: "PATCH",
    path: TEAM,
    tag: "Teams",
    summary: "Change a team's name, key or description",
    description: "Send only the fields to change; `description: null` removes it. Renaming keeps the key.",
    access: "edit_map",
    body: ZUpdateTeam,
    responses: {
      200: ok("The team as it is now.", wrap({ team: ZTeamDetail })),
      404: notFound("team"),
      409: conflict("The key is taken (see `fields.key`)."),
    },
  },
  {
    method: "DELETE",
    path: TEAM,
    tag: "Teams",
    summary: "Delete a team with its slots and assignments",
    access: "edit_map",
    responses: { 200: ok("What was deleted.", wrap({ deleted: ZDeletedTeam })), 404: notFound("team") },
  },

  // Slots
  {
    method: "GET",
    path: `${TEAM}/slots`,
    tag: "Slots",
    summary: "List a team's slots",
    access: "read",
    responses: { 200: ok("The slots in order.", wrap({ slots: z.array(ZSlotView) })), 404: notFound("team") },
  },
  {
    method: "POST",
    path: `${TEAM}/slots`,
    tag: "Slots",
    summary: "Add a slot to a team",
    description:
      "The slot goes after the team's others. `holderId` takes a person's id or key. Without `key`, one is made " +
      "from the title, or else the role.",
    access: "edit_map",
    body: ZCreateSlot,
    responses: {
      201: ok("The new slot.", wrap({ slot: ZSlotView })),
      404: notFound("team or person"),
      409: conflict("The key is taken in this team (see `fields.key`)."),
    },
  },
  {
    method: "GET",
    path: `${TEAM}/slots/{slotId}`,
    tag: "Slots",
    summary: "Get a slot",
    description: "`assignmentCount` is what deleting the slot would remove.",
    access: "read",
    responses: { 200: ok("The slot.", wrap({ slot: ZSlotView })), 404: notFound("team or slot") },
  },
  {
    method: "PATCH",
    path: `${TEAM}/slots/{slotId}`,
    tag: "Slots",
    summary: "Change a slot, fill or vacate it, or move it",
    description:
      "Send only the fields to change. `holderId: null` vacates the slot. `order` moves it to that 0-based " +
      "position among the team's slots; the others are renumbered around it.",
    access: "edit_map",
    body: ZUpdateSlot,
    responses: {
      200: ok("The slot as it is now.", wrap({ slot: ZSlotView })),
      404: notFound("team, slot or person"),
      409: conflict("The key is taken in this team (see `fields.key`)."),
    },
  },
  {
    method: "DELETE",
    path: `${TEAM}/slots/{slotId}`,
    tag: "Slots",
    summary: "Delete a slot with its assignments",
    access: "edit_map",
    responses: { 200: ok("What was deleted.", wrap({ deleted: ZDeletedSlot })), 404: notFound("team or slot") },
  },

  // Assignments
  {
    method: "PUT",
    path: `${TEAM}/assignments`,
    tag: "Assignments",
    summary: "Set or clear one cell of a team's grid",
    description:
      "`dutyId` takes a duty's id or key, `slotId` a slot's id or key in this team. `level: null` clears the " +
      "cell. Every change bumps the cell's version; setting the level it has changes nothing. With `version` " +
      "(0 for an empty cell), the write happens only if the cell is still at that version; otherwise the answer " +
      "is 409 with the cell as it is now in `assignment`.",
    access: "edit_map",
    body: ZSetAssignment,
    responses: {
      200: ok("The cell as it is now.", wrap({ assignment: ZAssignmentCell })),
      404: notFound("team, duty or slot"),
      409: {
        description: "The cell changed since `version`; nothing was written.",
        schema: ZErrorBody.extend({ assignment: ZAssignmentCell }),
      },
    },
  },
  {
    method: "POST",
    path: `${TEAM}/restore`,
    tag: "Journal",
    summary: "Restore a team to how it was at a past moment",
    description:
      "Puts the team's name, slots, holders and cells back as they were at `at`, bringing back people and " +
      "duties it needs that were deleted since, in one transaction: one action in the journal, which can be " +
      "undone. `group` is null when the team was already as it was then.",
    access: "edit_map",
    body: ZRestoreTeam,
    responses: {
      200: ok("The restore, as a journal group.", wrap({ group: ZJournalGroup.nullable() })),
      404: notFound("team"),
      409: conflict("The team did not exist then, or what it needs back clashes with a key or email in use."),
    },
  },
  {
    method: "POST",
    path: `${TEAM}/apply-split`,
    tag: "Assignments",
    summary: "Apply the PO/PM split to a team",
    description:
      "Fills the team's empty cells with the standard split between its first PO slot and its first PM slot, " +
      "in one transaction. Cells that have a level keep it.",
    access: "edit_map",
    responses: { 200: ok("The cells set.", ZAppliedSplit), 404: notFound("team") },
  },

  // People
  {
    method: "GET",
    path: `${ORG}/people`,
    tag: "People",
    summary: "List people",
    access: "read",
    responses: { 200: ok("The people by name, with the slots they hold.", wrap({ people: z.array(ZPersonView) })) },
  },
  {
    method: "POST",
    path: `${ORG}/people`,
    tag: "People",
    summary: "Add a person",
    description: "People need not be users of Remit. Without `key`, one is made from the name.",
    access: "edit_map",
    body: ZCreatePerson,
    responses: {
      201: ok("The new person.", wrap({ person: ZPersonView })),
      409: conflict("The key or email is taken (see `fields`)."),
    },
  },
  {
    method: "GET",
    path: `${ORG}/people/{personId}`,
    tag: "People",
    summary: "Get a person",
    description: "`slots` are the slots deleting the person would vacate.",
    access: "read",
    responses: { 200: ok("The person.", wrap({ person: ZPersonView })), 404: notFound("person") },
  },
  {
    method: "PATCH",
    path: `${ORG}/people/{personId}`,
    tag: "People",
    summary: "Change a person",
    description: "Send only the fields to change; `email: null` removes it. Renaming keeps the key.",
    access: "edit_map",
    body: ZUpdatePerson,
    responses: {
      200: ok("The person as they are now.", wrap({ person: ZPersonView })),
      404: notFound("person"),
      409: conflict("The key or email is taken (see `fields`)."),
    },
  },
  {
    method: "DELETE",
    path: `${ORG}/people/{personId}`,
    tag: "People",
    summary: "Delete a person",
    description: "The slots they held stay, vacant.",
    access: "edit_map",
    responses: { 200: ok("What was deleted.", wrap({ deleted: ZDeletedPerson })), 404: notFound("person") },
  },

  // Duties
  {
    method: "GET",
    path: `${ORG}/duties`,
    tag: "Duties",
    summary: "List the duty catalogue",
    access: "read",
    responses: { 200: ok("The duties in catalogue order.", wrap({ duties: z.array(ZDutyView) })) },
  },
  {
    method: "POST",
    path: `${ORG}/duties`,
    tag: "Duties",
    summary: "Add a duty to the catalogue",
    description: "The duty goes at the end. Without `key`, one is made from the name.",
    access: "edit_map",
    body: ZCreateDuty,
    responses: {
      201: ok("The new duty.", wrap({ duty: ZDutyView })),
      409: conflict("The key is taken (see `fields.key`)."),
    },
  },
  {
    method: "GET",
    path: `${ORG}/duties/{dutyId}`,
    tag: "Duties",
    summary: "Get a duty",
    description: "`assignmentCount` is what deleting the duty would remove, in all teams.",
    access: "read",
    responses: { 200: ok("The duty.", wrap({ duty: ZDutyView })), 404: notFound("duty") },
  },
  {
    method: "PATCH",
    path: `${ORG}/duties/{dutyId}`,
    tag: "Duties",
    summary: "Change a duty, or move it in the catalogue",
    description:
      "Send only the fields to change. `order` moves the duty to that 0-based position in the catalogue; the " +
      "duties are renumbered 0..n-1 around it. Renaming keeps the key.",
    access: "edit_map",
    body: ZUpdateDuty,
    responses: {
      200: ok("The duty as it is now.", wrap({ duty: ZDutyView })),
      404: notFound("duty"),
      409: conflict("The key is taken (see `fields.key`)."),
    },
  },
  {
    method: "DELETE",
    path: `${ORG}/duties/{dutyId}`,
    tag: "Duties",
    summary: "Delete a duty with its assignments in every team",
    access: "edit_map",
    responses: { 200: ok("What was deleted.", wrap({ deleted: ZDeletedDuty })), 404: notFound("duty") },
  },

  // The whole map
  {
    method: "GET",
    path: `${ORG}/analysis`,
    tag: "Map",
    summary: "Analyse the map: gaps, overlaps, counts and health scores",
    description: "With `teamId` (an id or key), the same shape narrowed to that team.",
    access: "read",
    query: ZAnalysisQuery,
    responses: { 200: ok("The analysis.", ZMapAnalysis), 404: notFound("team") },
  },
  {
    method: "GET",
    path: `${ORG}/map`,
    tag: "Map",
    summary: "Export the map as a remit.map/v1 document",
    description:
      "In a stable order: exporting an unchanged map twice gives the same bytes. Ids and versions are left out. " +
      "The `ETag` header is the document's fingerprint: send it back as `If-Match` with an import so that it " +
      "replaces only the map you read.",
    access: "read",
    responses: { 200: ok("The document.", ZMapDocument) },
  },
  {
    method: "PUT",
    path: `${ORG}/map`,
    tag: "Map",
    summary: "Import a remit.map/v1 document, replacing the map",
    description:
      "Replaces the teams, people, slots, duties and assignments (not members or tokens). The document is checked " +
      "first and every problem is reported at once in `fields`, keyed by JSON path like `teams[2].slots[0].holder`; " +
      "then it is stored in one transaction, so nothing is ever half imported. What keeps its key keeps its id. " +
      `Bodies up to ${MAP_IMPORT_BODY_LIMIT_BYTES / 1_000_000} MB. With an \`If-Match\` header (an ETag from ` +
      "GET map), nothing is imported when the map has changed since (412): read it again, then decide.",
    access: "edit_map",
    body: ZMapDocument,
    bodyLimitBytes: MAP_IMPORT_BODY_LIMIT_BYTES,
    responses: {
      200: ok("How many of each were imported.", wrap({ imported: ZMapCounts })),
      412: { description: "The map changed since the ETag in `If-Match` was read.", schema: ZErrorBody },
    },
  },
  {
    method: "GET",
    path: `${ORG}/state`,
    tag: "Map",
    summary: "The whole map with ids and versions",
    description:
      "Everything the browser's screens work on: people, teams, slots, duties and assignments. At most one of " +
      "three parameters narrows it to what one screen needs, a small part of a large map. `teamId` (an id or " +
      "key): the team with its slots and assignments, every duty, its holders, and the other slots (with their " +
      "teams, without their assignments) that they fill, so that analysing it gives the team's flags. " +
      "`personId` (an id or key): the person, the slots they hold with those slots' teams and assignments, and " +
      "every duty. `part=people`: people, teams and slots, without duties or assignments. `part=roster`: " +
      "people only. With `at` (an ISO date and time in the past), the map as it was then, rebuilt from the " +
      "journal; it combines with the others.",
    access: "read",
    query: ZMapStateQuery,
    responses: {
      200: ok(
        "The map, and when it was read.",
        wrap({ map: ZRemitMap, loadedAt: z.number().meta({ description: "Milliseconds since 1970, server time." }) }),
      ),
      404: notFound("team or person"),
    },
  },
  {
    method: "GET",
    path: `${ORG}/overview`,
    tag: "Map",
    summary: "The organisation at a glance: per team, its health, its flags and who is accountable for each duty",
    description:
      "What the overview page shows, computed on the server so that it stays small for 1,000 teams. Rows come in " +
      "no particular order. With `at` (an ISO date and time in the past), the overview as it was then, rebuilt " +
      "from the journal.",
    access: "read",
    query: ZMomentQuery,
    responses: {
      200: ok(
        "The overview, and when the map behind it was read.",
        wrap({
          overview: ZOverview,
          loadedAt: z.number().meta({ description: "Milliseconds since 1970, server time." }),
        }),
      ),
    },
  },
  {
    method: "GET",
    path: `${ORG}/journal`,
    tag: "Journal",
    summary: "The map's history: who changed what, when, newest first",
    description:
      "One group per action (a cell set, an import, an undo), each with a sentence and the rows it changed, " +
      "before and after. Filters combine: `teamId` and `personId` (ids or keys; the id of something deleted " +
      "works too), `actorId` (a user's or API token's id), `kind` (what kind of row changed), `action`, and " +
      "`from`/`to` (ISO dates and times, inclusive). Pages hold `limit` groups (default 25, at most 100); pass " +
      "`nextCursor` as `cursor` for the next one. The journal is append-only.",
    access: "read",
    query: ZJournalQuery,
    responses: { 200: ok("A page of the journal.", ZJournalPage) },
  },
  {
    method: "GET",
    path: `${ORG}/health-history`,
    tag: "Journal",
    summary: "Are we getting better? Flags of each kind and the average health, day by day",
    description:
      "The last 30 days (UTC), each as it was at its end (today: now), rebuilt from the journal. Days before the " +
      "journal began for the organisation are left out.",
    access: "read",
    responses: { 200: ok("The days, oldest first.", ZHealthHistory) },
  },
  {
    method: "POST",
    path: `${ORG}/journal/{entryId}/undo`,
    tag: "Journal",
    summary: "Undo an action",
    description:
      "Puts back every row the entry's action (its whole group) changed, as it was before, in one transaction; " +
      "the undo is itself an action in the journal, and can be undone. Refused with 409 when a later change " +
      "touched the same rows or what they belong to (listed in `conflicts`), or when it was undone already.",
    access: "edit_map",
    responses: {
      200: ok("The undo, as a journal group.", wrap({ group: ZJournalGroup })),
      404: notFound("journal entry"),
      409: {
        description: "Later changes stand in the way (in `conflicts`, newest first), or it was undone already.",
        schema: ZErrorBody.extend({ conflicts: z.array(ZJournalGroup) }),
      },
    },
  },
  {
    method: "GET",
    path: `${ORG}/drafts`,
    tag: "Drafts",
    summary: "The organisation's drafts, newest first",
    access: "read",
    responses: { 200: ok("The drafts.", wrap({ drafts: z.array(ZDraftView) })) },
  },
  {
    method: "POST",
    path: `${ORG}/drafts`,
    tag: "Drafts",
    summary: "Make a draft: a full copy of the live map (or, with `from`, of another draft) to plan in",
    description:
      "The draft's map lives under its own `slug`: every map route (`/api/v1/orgs/{slug}/…`) and screen works on " +
      "it as on live, with live updates and a journal of its own, and nothing in it touches live until published.",
    access: "edit_map",
    body: ZCreateDraft,
    responses: { 201: ok("The draft.", wrap({ draft: ZDraftView })), 404: notFound("draft to copy") },
  },
  {
    method: "GET",
    path: `${DRAFT}`,
    tag: "Drafts",
    summary: "One draft",
    access: "read",
    responses: { 200: ok("The draft.", wrap({ draft: ZDraftView })), 404: notFound("draft") },
  },
  {
    method: "PATCH",
    path: `${DRAFT}`,
    tag: "Drafts",
    summary: "Rename a draft, or change its description",
    access: "edit_map",
    body: ZUpdateDraft,
    responses: { 200: ok("The draft.", wrap({ draft: ZDraftView })), 404: notFound("draft") },
  },
  {
    method: "DELETE",
    path: `${DRAFT}`,
    tag: "Drafts",
    summary: "Discard a draft, with its map and journal; live is untouched",
    access: "edit_map",
    responses: { 200: ok("What was discarded.", wrap({ deleted: wrap({ id: z.string() }) })), 404: notFound("draft") },
  },
  {
    method: "GET",
    path: `${DRAFT}/map`,
    tag: "Drafts",
    summary: "The draft's map as a remit.map/v1 document (as `GET map` on live)",
    access: "read",
    responses: { 200: ok("The document; its ETag is its fingerprint.", ZMapDocument), 404: notFound("draft") },
  },
  {
    method: "PUT",
    path: `${DRAFT}/map`,
    tag: "Drafts",
    summary: "Replace the draft's map with a remit.map/v1 document (as `PUT map` on live)",
    access: "edit_map",
    bodyLimitBytes: MAP_IMPORT_BODY_LIMIT_BYTES,
    body: ZMapDocument,
    responses: {
      200: ok("What was imported.", wrap({ imported: ZMapCounts })),
      404: notFound("draft"),
      412: { description: "`If-Match` no longer matches the draft's map.", schema: ZErrorBody },
      413: { description: "The body is over 20 MB.", schema: ZErrorBody },
    },
  },
  {
    method: "GET",
    path: `${DRAFT}/analysis`,
    tag: "Drafts",
    summary: "The draft's flags and health (as `GET analysis` on live)",
    access: "read",
    responses: { 200: ok("The analysis.", ZMapAnalysis), 404: notFound("draft") },
  },
  {
    method: "GET",
    path: `${DRAFT}/compare`,
    tag: "Drafts",
    summary: "What the draft changes compared with live (or another draft), and its effect on flags and health",
    description: "`with` is `live` (the default) or another draft's id.",
    access: "read",
    query: ZCompareQuery,
    responses: { 200: ok("The comparison.", ZDraftComparison), 404: notFound("draft") },
  },
  {
    method: "POST",
    path: `${DRAFT}/publish`,
    tag: "Drafts",
    summary: "Publish a draft to live, in one transaction, as one undoable journal action",
    description:
      "What the draft changed since it was made is applied to live; what live changed meanwhile stays. Where " +
      "both changed the same thing differently, the answer is 409 with each conflict (its value when the draft " +
      "was made, on live, and in the draft); send again with `choices` keyed by conflict id (`live` or `draft`). " +
      "The draft is then kept read-only.",
    access: "edit_map",
    body: ZPublishDraft,
    responses: {
      200: ok(
        "The published draft, and the journal group of the change to live.",
        wrap({ draft: ZDraftView, groupId: z.string().nullable() }),
      ),
      404: notFound("draft"),
      409: {
        description: "Conflicts to choose for (in `conflicts`), or the draft was published already.",
        schema: ZErrorBody.extend({ conflicts: z.array(ZMergeConflict).optional() }),
      },
    },
  },
  {
    method: "GET",
    path: `${ORG}/events`,
    tag: "Live",
    summary: "Live events (Server-Sent Events)",
    description:
      "A stream that never ends: `ready` when it opens, then `change` for every committed change to the map " +
      "(`{ entity, ids, cell?, actor, at }`, where `cell` carries a cell's new level and version) and `presence` for " +
      "who is looking where. Authorisation is checked again every 10 s; a removed member gets `revoked` and the stream " +
      "closes. After a drop, reconnect and fetch `state` again.",
    access: "read",
    responses: { 200: { description: "The event stream.", mediaType: "text/event-stream" } },
  },
  {
    method: "POST",
    path: `${ORG}/presence`,
    tag: "Live",
    summary: "Say where this browser tab is looking",
    description:
      "Sent by the browser every 5 s and when the page or focused cell changes; announced to the organisation's " +
      "other tabs, never stored. Signed-in people only: API tokens get 403.",
    access: "read",
    body: ZPresence,
    responses: { 204: { description: "Announced." } },
  },
  {
    method: "GET",
    path: `${ORG}/map.csv`,
    tag: "Map",
    summary: "Export the assignments as CSV",
    description:
      "One row per assignment: team, duty, slot (role, title, key), holder and level, with keys. UTF-8 with a byte " +
      "order mark, CRLF line endings; text that a spreadsheet would run as a formula starts with an apostrophe.",
    access: "read",
    responses: { 200: { description: "The CSV file.", mediaType: "text/csv" } },
  },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    tag: "API",
    summary: "This OpenAPI document",
    access: "anyone",
    responses: { 200: { description: "OpenAPI 3.1.", mediaType: "application/json" } },
  },
];
