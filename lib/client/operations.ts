// The API's operations as types, read from each route's contract (app/api/v1/**/contract.ts). Type-only imports:
// nothing of the server reaches the browser's bundle. A route added to app/api/v1/contracts.ts belongs here too.
import type * as invitationsTokenAccept from "@/app/api/v1/invitations/[token]/accept/contract";
import type * as openapiJson from "@/app/api/v1/openapi.json/contract";
import type * as orgsOrgSlugAnalysis from "@/app/api/v1/orgs/[orgSlug]/analysis/contract";
import type * as orgsOrgSlugDraftsDraftIdAnalysis from "@/app/api/v1/orgs/[orgSlug]/drafts/[draftId]/analysis/contract";
import type * as orgsOrgSlugDraftsDraftIdCompare from "@/app/api/v1/orgs/[orgSlug]/drafts/[draftId]/compare/contract";
import type * as orgsOrgSlugDraftsDraftId from "@/app/api/v1/orgs/[orgSlug]/drafts/[draftId]/contract";
import type * as orgsOrgSlugDraftsDraftIdMap from "@/app/api/v1/orgs/[orgSlug]/drafts/[draftId]/map/contract";
import type * as orgsOrgSlugDraftsDraftIdPublish from "@/app/api/v1/orgs/[orgSlug]/drafts/[draftId]/publish/contract";
import type * as orgsOrgSlugDrafts from "@/app/api/v1/orgs/[orgSlug]/drafts/contract";
import type * as orgsOrgSlugDutiesDutyId from "@/app/api/v1/orgs/[orgSlug]/duties/[dutyId]/contract";
import type * as orgsOrgSlugDuties from "@/app/api/v1/orgs/[orgSlug]/duties/contract";
import type * as orgsOrgSlugEvents from "@/app/api/v1/orgs/[orgSlug]/events/contract";
import type * as orgsOrgSlugHealthHistory from "@/app/api/v1/orgs/[orgSlug]/health-history/contract";
import type * as orgsOrgSlugInvitationsInvitationId from "@/app/api/v1/orgs/[orgSlug]/invitations/[invitationId]/contract";
import type * as orgsOrgSlugInvitations from "@/app/api/v1/orgs/[orgSlug]/invitations/contract";
import type * as orgsOrgSlugJournalEntryIdUndo from "@/app/api/v1/orgs/[orgSlug]/journal/[entryId]/undo/contract";
import type * as orgsOrgSlugJournal from "@/app/api/v1/orgs/[orgSlug]/journal/contract";
import type * as orgsOrgSlugMapCsv from "@/app/api/v1/orgs/[orgSlug]/map.csv/contract";
import type * as orgsOrgSlugMap from "@/app/api/v1/orgs/[orgSlug]/map/contract";
import type * as orgsOrgSlugMembersUserId from "@/app/api/v1/orgs/[orgSlug]/members/[userId]/contract";
import type * as orgsOrgSlugMembers from "@/app/api/v1/orgs/[orgSlug]/members/contract";
import type * as orgsOrgSlugOverview from "@/app/api/v1/orgs/[orgSlug]/overview/contract";
import type * as orgsOrgSlugPeoplePersonId from "@/app/api/v1/orgs/[orgSlug]/people/[personId]/contract";
import type * as orgsOrgSlugPeople from "@/app/api/v1/orgs/[orgSlug]/people/contract";
import type * as orgsOrgSlugPresence from "@/app/api/v1/orgs/[orgSlug]/presence/contract";
import type * as orgsOrgSlugState from "@/app/api/v1/orgs/[orgSlug]/state/contract";
import type * as orgsOrgSlugTeamsTeamIdApplySplit from "@/app/api/v1/orgs/[orgSlug]/teams/[teamId]/apply-split/contract";
import type * as orgsOrgSlugTeamsTeamIdAssignments from "@/app/api/v1/orgs/[orgSlug]/teams/[teamId]/assignments/contract";
import type * as orgsOrgSlugTeamsTeamId from "@/app/api/v1/orgs/[orgSlug]/teams/[teamId]/contract";
import type * as orgsOrgSlugTeamsTeamIdRestore from "@/app/api/v1/orgs/[orgSlug]/teams/[teamId]/restore/contract";
import type * as orgsOrgSlugTeamsTeamIdSlotsSlotId from "@/app/api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]/contract";
import type * as orgsOrgSlugTeamsTeamIdSlots from "@/app/api/v1/orgs/[orgSlug]/teams/[teamId]/slots/contract";
import type * as orgsOrgSlugTeams from "@/app/api/v1/orgs/[orgSlug]/teams/contract";
import type * as orgsOrgSlugTokensTokenId from "@/app/api/v1/orgs/[orgSlug]/tokens/[tokenId]/contract";
import type * as orgsOrgSlugTokens from "@/app/api/v1/orgs/[orgSlug]/tokens/contract";
import type * as orgs from "@/app/api/v1/orgs/contract";
import type * as signup from "@/app/api/v1/signup/contract";

type TOperationsOf<TModule> = TModule[keyof TModule];

/** Every operation of the API. */
export type TAnyOperation =
  | TOperationsOf<typeof invitationsTokenAccept>
  | TOperationsOf<typeof openapiJson>
  | TOperationsOf<typeof orgsOrgSlugAnalysis>
  | TOperationsOf<typeof orgsOrgSlugDraftsDraftIdAnalysis>
  | TOperationsOf<typeof orgsOrgSlugDraftsDraftIdCompare>
  | TOperationsOf<typeof orgsOrgSlugDraftsDraftId>
  | TOperationsOf<typeof orgsOrgSlugDraftsDraftIdMap>
  | TOperationsOf<typeof orgsOrgSlugDraftsDraftIdPublish>
  | TOperationsOf<typeof orgsOrgSlugDrafts>
  | TOperationsOf<typeof orgsOrgSlugDutiesDutyId>
  | TOperationsOf<typeof orgsOrgSlugDuties>
  | TOperationsOf<typeof orgsOrgSlugEvents>
  | TOperationsOf<typeof orgsOrgSlugHealthHistory>
  | TOperationsOf<typeof orgsOrgSlugInvitationsInvitationId>
  | TOperationsOf<typeof orgsOrgSlugInvitations>
  | TOperationsOf<typeof orgsOrgSlugJournalEntryIdUndo>
  | TOperationsOf<typeof orgsOrgSlugJournal>
  | TOperationsOf<typeof orgsOrgSlugMapCsv>
  | TOperationsOf<typeof orgsOrgSlugMap>
  | TOperationsOf<typeof orgsOrgSlugMembersUserId>
  | TOperationsOf<typeof orgsOrgSlugMembers>
  | TOperationsOf<typeof orgsOrgSlugOverview>
  | TOperationsOf<typeof orgsOrgSlugPeoplePersonId>
  | TOperationsOf<typeof orgsOrgSlugPeople>
  | TOperationsOf<typeof orgsOrgSlugPresence>
  | TOperationsOf<typeof orgsOrgSlugState>
  | TOperationsOf<typeof orgsOrgSlugTeamsTeamIdApplySplit>
  | TOperationsOf<typeof orgsOrgSlugTeamsTeamIdAssignments>
  | TOperationsOf<typeof orgsOrgSlugTeamsTeamId>
  | TOperationsOf<typeof orgsOrgSlugTeamsTeamIdRestore>
  | TOperationsOf<typeof orgsOrgSlugTeamsTeamIdSlotsSlotId>
  | TOperationsOf<typeof orgsOrgSlugTeamsTeamIdSlots>
  | TOperationsOf<typeof orgsOrgSlugTeams>
  | TOperationsOf<typeof orgsOrgSlugTokensTokenId>
  | TOperationsOf<typeof orgsOrgSlugTokens>
  | TOperationsOf<typeof orgs>
  | TOperationsOf<typeof signup>;
