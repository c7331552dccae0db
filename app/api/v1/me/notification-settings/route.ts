import { handle } from "@/lib/server/http/api-route";
import { getNotificationSettings } from "@/lib/server/notifications/get-notification-settings";
import { updateNotificationSettings } from "@/lib/server/notifications/update-notification-settings";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor }) => ({
  status: 200,
  body: await getNotificationSettings({ actor }),
}));

export const PATCH = handle(contract.PATCH)(async ({ actor, body }) => ({
  status: 200,
  body: await updateNotificationSettings({ actor, ...body }),
}));
