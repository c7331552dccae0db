import "server-only";
import { isEventKind, type TEventKind } from "@/lib/domain/events";

export const WEBHOOK_SELECT = {
  id: true,
  url: true,
  events: true,
  format: true,
  createdByName: true,
  createdAt: true,
  lastSuccessAt: true,
  disabledAt: true,
  disabledReason: true,
} as const;

type TWebhookRow = {
  id: string;
  url: string;
  events: string[];
  format: string;
  createdByName: string;
  createdAt: Date;
  lastSuccessAt: Date | null;
  disabledAt: Date | null;
  disabledReason: string | null;
};

export type TWebhookView = ReturnType<typeof webhookView>;

export function webhookView(row: TWebhookRow) {
  return {
    id: row.id,
    url: row.url,
    events: row.events.filter(isEventKind) as TEventKind[],
    format: row.format === "slack" ? ("slack" as const) : ("standard" as const),
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
  };
}
