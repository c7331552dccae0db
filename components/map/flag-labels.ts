import type { TFlagKind } from "@/lib/domain/analyze-map";

/** What each kind of flag is called on screen. */
export const KIND_LABELS: Record<TFlagKind, string> = {
  unowned_duty: "Unowned duty",
  shared_ownership: "Shared ownership",
  vacant_slot: "Vacant slot",
  dual_role: "Dual role",
  overloaded_person: "Overloaded person",
  idle_slot: "Idle slot",
};
