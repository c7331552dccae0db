import type { TRole } from "@/lib/domain/roles";

/** Who is calling: a signed-in user, or an API token that acts within one organisation with one role. */
export type TActor =
  | { kind: "user"; userId: string; email: string; name: string }
  | { kind: "token"; tokenId: string; organizationId: string; role: TRole; name: string };
