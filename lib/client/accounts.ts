"use client";

import { useRouter } from "next/navigation";
import type { TActionState } from "@/lib/errors";
import { callApi, type TBody } from "./api";
import { ApiError } from "./api-error";

/** A form's submit, in the shape React's useActionState takes. */
export type TFormAction = (previous: TActionState, formData: FormData) => Promise<TActionState>;

/**
 * What a form sends: its named fields as text (and the form's data, for a field of several values such as
 * checkboxes), answered with the state the form shows.
 */
type TFormCall = {
  fields: readonly string[];
  send: (values: Record<string, string>, formData: FormData) => Promise<TActionState>;
};

/**
 * A form's submit as an API call: the answer becomes the form's state (field errors beside their fields, what was
 * typed kept), and the page, which the server renders, is rendered again after a success.
 */
export function useApiForm({ fields, send }: TFormCall): TFormAction {
  const router = useRouter();
  return async (_previous, formData) => {
    const values = Object.fromEntries(fields.map((name) => [name, String(formData.get(name) ?? "")]));
    try {
      const state = await send(values, formData);
      router.refresh();
      return state;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { ok: false, message: error.message, fields: error.fields, values };
    }
  };
}

type TRole = TBody<"PATCH /api/v1/orgs/{orgSlug}/members/{userId}">["role"];
const DONE: TActionState = { ok: true };

/** An Owner changes a member's role. */
export const changeMemberRole = (orgSlug: string, userId: string): TFormCall => ({
  fields: ["role"],
  send: async ({ role }) => {
    const body = { role: role as TRole };
    await callApi("PATCH /api/v1/orgs/{orgSlug}/members/{userId}", { params: { orgSlug, userId }, body });
    return DONE;
  },
});

/** An Owner removes a member. */
export const removeMember = (orgSlug: string, userId: string): TFormCall => ({
  fields: [],
  send: async () => {
    await callApi("DELETE /api/v1/orgs/{orgSlug}/members/{userId}", { params: { orgSlug, userId } });
    return DONE;
  },
});

/** An Owner invites someone; the link is shown once. */
export const inviteMember = (orgSlug: string): TFormCall => ({
  fields: ["email", "role"],
  send: async ({ email, role }) => {
    const body = { email: email!, role: role as TRole };
    const { invitation } = await callApi("POST /api/v1/orgs/{orgSlug}/invitations", { params: { orgSlug }, body });
    return {
      ok: true,
      message: `Invitation for ${invitation.email} created. Copy the link and send it to them; it works once, for 7 days.`,
      reveal: invitation.link,
    };
  },
});

/** An Owner revokes an invitation not yet accepted. */
export const revokeInvitation = (orgSlug: string, invitationId: string): TFormCall => ({
  fields: [],
  send: async () => {
    const params = { orgSlug, invitationId };
    await callApi("DELETE /api/v1/orgs/{orgSlug}/invitations/{invitationId}", { params });
    return DONE;
  },
});

/** An Owner creates an API token; its secret is shown once. */
export const createApiToken = (orgSlug: string): TFormCall => ({
  fields: ["name", "role"],
  send: async ({ name, role }) => {
    const body = { name: name!, role: role as TBody<"POST /api/v1/orgs/{orgSlug}/tokens">["role"] };
    const { token } = await callApi("POST /api/v1/orgs/{orgSlug}/tokens", { params: { orgSlug }, body });
    return {
      ok: true,
      message: `Token "${token.name}" created. Copy it now: Remit keeps only its hash and cannot show it again.`,
      reveal: token.secret,
    };
  },
});

/** An Owner revokes an API token. */
export const revokeApiToken = (orgSlug: string, tokenId: string): TFormCall => ({
  fields: [],
  send: async () => {
    await callApi("DELETE /api/v1/orgs/{orgSlug}/tokens/{tokenId}", { params: { orgSlug, tokenId } });
    return DONE;
  },
});

type TWebhookBody = TBody<"POST /api/v1/orgs/{orgSlug}/webhooks">;

/** An Owner registers a webhook endpoint; its signing secret is shown once. */
export const createWebhook = (orgSlug: string): TFormCall => ({
  fields: ["url", "format"],
  send: async ({ url, format }, formData) => {
    const body = {
      url: url!,
      format: format as TWebhookBody["format"],
      events: formData.getAll("events").map(String) as TWebhookBody["events"],
    };
    const { webhook } = await callApi("POST /api/v1/orgs/{orgSlug}/webhooks", { params: { orgSlug }, body });
    return {
      ok: true,
      message: `Webhook to ${webhook.url} added. Copy its signing secret now: Remit cannot show it again.`,
      reveal: webhook.secret,
    };
  },
});

/** An Owner deletes a webhook endpoint. */
export const deleteWebhook = (orgSlug: string, webhookId: string): TFormCall => ({
  fields: [],
  send: async () => {
    await callApi("DELETE /api/v1/orgs/{orgSlug}/webhooks/{webhookId}", { params: { orgSlug, webhookId } });
    return DONE;
  },
});

/** An Owner sends a test event to a webhook endpoint; its delivery log shows how it went. */
export const sendTestWebhook = (orgSlug: string, webhookId: string): TFormCall => ({
  fields: [],
  send: async () => {
    await callApi("POST /api/v1/orgs/{orgSlug}/webhooks/{webhookId}/test", { params: { orgSlug, webhookId } });
    return { ok: true, message: "Test event sent." };
  },
});

/** The one-click calls a page names for its rows (a page rendered by the server cannot hand over a function). */
export const ONE_CLICK_CALLS = {
  removeMember,
  revokeInvitation,
  revokeApiToken,
  deleteWebhook,
  sendTestWebhook,
} satisfies Record<string, (orgSlug: string, id: string) => TFormCall>;
export type TOneClickCall = keyof typeof ONE_CLICK_CALLS;
