// Every route's contract, for the OpenAPI document. A unit test fails when a contract.ts beside a route is missing
// here, or when a route's handlers and its contract's operations differ.
import type { TOperation } from "@/lib/server/http/contract";
import * as invitationsTokenAccept from "./invitations/[token]/accept/contract";
import * as meNotificationSettings from "./me/notification-settings/contract";
import * as notificationsRead from "./notifications/read/contract";
import * as notifications from "./notifications/contract";
import * as openapiJson from "./openapi.json/contract";
import * as orgsOrgSlugAnalysis from "./orgs/[orgSlug]/analysis/contract";
import * as orgsOrgSlugCommentsCommentIdReopen from "./orgs/[orgSlug]/comments/[commentId]/reopen/contract";
import * as orgsOrgSlugCommentsCommentIdResolve from "./orgs/[orgSlug]/comments/[commentId]/resolve/contract";
import * as orgsOrgSlugCommentsCommentId from "./orgs/[orgSlug]/comments/[commentId]/contract";
import * as orgsOrgSlugComments from "./orgs/[orgSlug]/comments/contract";
import * as orgsOrgSlugDraftsDraftIdAnalysis from "./orgs/[orgSlug]/drafts/[draftId]/analysis/contract";
import * as orgsOrgSlugDraftsDraftIdCompare from "./orgs/[orgSlug]/drafts/[draftId]/compare/contract";
import * as orgsOrgSlugDraftsDraftId from "./orgs/[orgSlug]/drafts/[draftId]/contract";
import * as orgsOrgSlugDraftsDraftIdMap from "./orgs/[orgSlug]/drafts/[draftId]/map/contract";
import * as orgsOrgSlugDraftsDraftIdPublish from "./orgs/[orgSlug]/drafts/[draftId]/publish/contract";
import * as orgsOrgSlugDraftsDraftIdReviews from "./orgs/[orgSlug]/drafts/[draftId]/reviews/contract";
import * as orgsOrgSlugDraftsDraftIdSchedule from "./orgs/[orgSlug]/drafts/[draftId]/schedule/contract";
import * as orgsOrgSlugDraftsDraftIdSubmit from "./orgs/[orgSlug]/drafts/[draftId]/submit/contract";
import * as orgsOrgSlugDrafts from "./orgs/[orgSlug]/drafts/contract";
import * as orgsOrgSlugDutiesDutyId from "./orgs/[orgSlug]/duties/[dutyId]/contract";
import * as orgsOrgSlugDuties from "./orgs/[orgSlug]/duties/contract";
import * as orgsOrgSlugEvents from "./orgs/[orgSlug]/events/contract";
import * as orgsOrgSlugHealthHistory from "./orgs/[orgSlug]/health-history/contract";
import * as orgsOrgSlugInvitationsInvitationId from "./orgs/[orgSlug]/invitations/[invitationId]/contract";
import * as orgsOrgSlugInvitations from "./orgs/[orgSlug]/invitations/contract";
import * as orgsOrgSlugJournalEntryIdUndo from "./orgs/[orgSlug]/journal/[entryId]/undo/contract";
import * as orgsOrgSlugJournal from "./orgs/[orgSlug]/journal/contract";
import * as orgsOrgSlugMapCsv from "./orgs/[orgSlug]/map.csv/contract";
import * as orgsOrgSlugMap from "./orgs/[orgSlug]/map/contract";
import * as orgsOrgSlugMembersUserId from "./orgs/[orgSlug]/members/[userId]/contract";
import * as orgsOrgSlugMembers from "./orgs/[orgSlug]/members/contract";
import * as orgsOrgSlugOverview from "./orgs/[orgSlug]/overview/contract";
import * as orgsOrgSlugTimeline from "./orgs/[orgSlug]/timeline/contract";
import * as orgsOrgSlugStructure from "./orgs/[orgSlug]/structure/contract";
import * as orgsOrgSlugPeoplePersonId from "./orgs/[orgSlug]/people/[personId]/contract";
import * as orgsOrgSlugPeople from "./orgs/[orgSlug]/people/contract";
import * as orgsOrgSlugPlans from "./orgs/[orgSlug]/plans/contract";
import * as orgsOrgSlugPresence from "./orgs/[orgSlug]/presence/contract";
import * as orgsOrgSlugRulesPreview from "./orgs/[orgSlug]/rules/preview/contract";
import * as orgsOrgSlugRules from "./orgs/[orgSlug]/rules/contract";
import * as orgsOrgSlugSettings from "./orgs/[orgSlug]/settings/contract";
import * as orgsOrgSlugState from "./orgs/[orgSlug]/state/contract";
import * as orgsOrgSlugTeamsTeamIdApplySplit from "./orgs/[orgSlug]/teams/[teamId]/apply-split/contract";
import * as orgsOrgSlugReportPdf from "./orgs/[orgSlug]/report.pdf/contract";
import * as orgsOrgSlugMapXlsx from "./orgs/[orgSlug]/map.xlsx/contract";
import * as orgsOrgSlugTeamsTeamIdRaciImport from "./orgs/[orgSlug]/teams/[teamId]/raci-import/contract";
import * as orgsOrgSlugTeamsTeamIdAssignments from "./orgs/[orgSlug]/teams/[teamId]/assignments/contract";
import * as orgsOrgSlugTeamsTeamId from "./orgs/[orgSlug]/teams/[teamId]/contract";
import * as orgsOrgSlugTeamsTeamIdRestore from "./orgs/[orgSlug]/teams/[teamId]/restore/contract";
import * as orgsOrgSlugTeamsTeamIdSlotsSlotIdCandidates from "./orgs/[orgSlug]/teams/[teamId]/slots/[slotId]/candidates/contract";
import * as orgsOrgSlugTeamsTeamIdSlotsSlotId from "./orgs/[orgSlug]/teams/[teamId]/slots/[slotId]/contract";
import * as orgsOrgSlugTeamsTeamIdSlots from "./orgs/[orgSlug]/teams/[teamId]/slots/contract";
import * as orgsOrgSlugTeams from "./orgs/[orgSlug]/teams/contract";
import * as orgsOrgSlugTokensTokenId from "./orgs/[orgSlug]/tokens/[tokenId]/contract";
import * as orgsOrgSlugTokens from "./orgs/[orgSlug]/tokens/contract";
import * as orgsOrgSlugWebhooksWebhookId from "./orgs/[orgSlug]/webhooks/[webhookId]/contract";
import * as orgsOrgSlugWebhooksWebhookIdDeliveries from "./orgs/[orgSlug]/webhooks/[webhookId]/deliveries/contract";
import * as orgsOrgSlugWebhooksWebhookIdTest from "./orgs/[orgSlug]/webhooks/[webhookId]/test/contract";
import * as orgsOrgSlugWebhooks from "./orgs/[orgSlug]/webhooks/contract";
import * as orgs from "./orgs/contract";
import * as signup from "./signup/contract";

export const ROUTE_CONTRACTS = {
  "/api/v1/invitations/[token]/accept": invitationsTokenAccept,
  "/api/v1/me/notification-settings": meNotificationSettings,
  "/api/v1/notifications/read": notificationsRead,
  "/api/v1/notifications": notifications,
  "/api/v1/openapi.json": openapiJson,
  "/api/v1/orgs/[orgSlug]/analysis": orgsOrgSlugAnalysis,
  "/api/v1/orgs/[orgSlug]/comments/[commentId]/reopen": orgsOrgSlugCommentsCommentIdReopen,
  "/api/v1/orgs/[orgSlug]/comments/[commentId]/resolve": orgsOrgSlugCommentsCommentIdResolve,
  "/api/v1/orgs/[orgSlug]/comments/[commentId]": orgsOrgSlugCommentsCommentId,
  "/api/v1/orgs/[orgSlug]/comments": orgsOrgSlugComments,
  "/api/v1/orgs/[orgSlug]/drafts/[draftId]/analysis": orgsOrgSlugDraftsDraftIdAnalysis,
  "/api/v1/orgs/[orgSlug]/drafts/[draftId]/compare": orgsOrgSlugDraftsDraftIdCompare,
  "/api/v1/orgs/[orgSlug]/drafts/[draftId]": orgsOrgSlugDraftsDraftId,
  "/api/v1/orgs/[orgSlug]/drafts/[draftId]/map": orgsOrgSlugDraftsDraftIdMap,
  "/api/v1/orgs/[orgSlug]/drafts/[draftId]/publish": orgsOrgSlugDraftsDraftIdPublish,
  "/api/v1/orgs/[orgSlug]/drafts/[draftId]/reviews": orgsOrgSlugDraftsDraftIdReviews,
  "/api/v1/orgs/[orgSlug]/drafts/[draftId]/schedule": orgsOrgSlugDraftsDraftIdSchedule,
  "/api/v1/orgs/[orgSlug]/drafts/[draftId]/submit": orgsOrgSlugDraftsDraftIdSubmit,
  "/api/v1/orgs/[orgSlug]/drafts": orgsOrgSlugDrafts,
  "/api/v1/orgs/[orgSlug]/duties/[dutyId]": orgsOrgSlugDutiesDutyId,
  "/api/v1/orgs/[orgSlug]/duties": orgsOrgSlugDuties,
  "/api/v1/orgs/[orgSlug]/events": orgsOrgSlugEvents,
  "/api/v1/orgs/[orgSlug]/health-history": orgsOrgSlugHealthHistory,
  "/api/v1/orgs/[orgSlug]/invitations/[invitationId]": orgsOrgSlugInvitationsInvitationId,
  "/api/v1/orgs/[orgSlug]/invitations": orgsOrgSlugInvitations,
  "/api/v1/orgs/[orgSlug]/journal/[entryId]/undo": orgsOrgSlugJournalEntryIdUndo,
  "/api/v1/orgs/[orgSlug]/journal": orgsOrgSlugJournal,
  "/api/v1/orgs/[orgSlug]/map.csv": orgsOrgSlugMapCsv,
  "/api/v1/orgs/[orgSlug]/map.xlsx": orgsOrgSlugMapXlsx,
  "/api/v1/orgs/[orgSlug]/report.pdf": orgsOrgSlugReportPdf,
  "/api/v1/orgs/[orgSlug]/map": orgsOrgSlugMap,
  "/api/v1/orgs/[orgSlug]/members/[userId]": orgsOrgSlugMembersUserId,
  "/api/v1/orgs/[orgSlug]/members": orgsOrgSlugMembers,
  "/api/v1/orgs/[orgSlug]/overview": orgsOrgSlugOverview,
  "/api/v1/orgs/[orgSlug]/people/[personId]": orgsOrgSlugPeoplePersonId,
  "/api/v1/orgs/[orgSlug]/people": orgsOrgSlugPeople,
  "/api/v1/orgs/[orgSlug]/plans": orgsOrgSlugPlans,
  "/api/v1/orgs/[orgSlug]/presence": orgsOrgSlugPresence,
  "/api/v1/orgs/[orgSlug]/rules/preview": orgsOrgSlugRulesPreview,
  "/api/v1/orgs/[orgSlug]/rules": orgsOrgSlugRules,
  "/api/v1/orgs/[orgSlug]/settings": orgsOrgSlugSettings,
  "/api/v1/orgs/[orgSlug]/state": orgsOrgSlugState,
  "/api/v1/orgs/[orgSlug]/structure": orgsOrgSlugStructure,
  "/api/v1/orgs/[orgSlug]/timeline": orgsOrgSlugTimeline,
  "/api/v1/orgs/[orgSlug]/teams/[teamId]/apply-split": orgsOrgSlugTeamsTeamIdApplySplit,
  "/api/v1/orgs/[orgSlug]/teams/[teamId]/raci-import": orgsOrgSlugTeamsTeamIdRaciImport,
  "/api/v1/orgs/[orgSlug]/teams/[teamId]/assignments": orgsOrgSlugTeamsTeamIdAssignments,
  "/api/v1/orgs/[orgSlug]/teams/[teamId]": orgsOrgSlugTeamsTeamId,
  "/api/v1/orgs/[orgSlug]/teams/[teamId]/restore": orgsOrgSlugTeamsTeamIdRestore,
  "/api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]/candidates": orgsOrgSlugTeamsTeamIdSlotsSlotIdCandidates,
  "/api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]": orgsOrgSlugTeamsTeamIdSlotsSlotId,
  "/api/v1/orgs/[orgSlug]/teams/[teamId]/slots": orgsOrgSlugTeamsTeamIdSlots,
  "/api/v1/orgs/[orgSlug]/teams": orgsOrgSlugTeams,
  "/api/v1/orgs/[orgSlug]/tokens/[tokenId]": orgsOrgSlugTokensTokenId,
  "/api/v1/orgs/[orgSlug]/tokens": orgsOrgSlugTokens,
  "/api/v1/orgs/[orgSlug]/webhooks/[webhookId]": orgsOrgSlugWebhooksWebhookId,
  "/api/v1/orgs/[orgSlug]/webhooks/[webhookId]/deliveries": orgsOrgSlugWebhooksWebhookIdDeliveries,
  "/api/v1/orgs/[orgSlug]/webhooks/[webhookId]/test": orgsOrgSlugWebhooksWebhookIdTest,
  "/api/v1/orgs/[orgSlug]/webhooks": orgsOrgSlugWebhooks,
  "/api/v1/orgs": orgs,
  "/api/v1/signup": signup,
} satisfies Record<string, Record<string, TOperation>>;

export const API_OPERATIONS: readonly TOperation[] = Object.values(ROUTE_CONTRACTS).flatMap((contract) =>
  Object.values(contract),
);
