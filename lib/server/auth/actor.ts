import type { TRole } from "@/lib/domain/roles";

/** Who is calling: a signed-in user, or an API token that acts within one organisation with one role. */
export type TActor =
  | { kind: "user"; userId: string; email: string; name: string }
  | {
      kind: "token";
      tokenId: string;
      organizationId: string;
      /** The token's organisation as it was when the token was checked, at the start of this request. */
      organization: { id: string; slug: string; name: string };
      role: TRole;
      name: string;
    };

/** A user as the actor of what they do. */
export function userActor(user: { id: string; email: string; name: string }): Extract<TActor, { kind: "user" }> {
  return { kind: "user", userId: user.id, email: user.email, name: user.name };
}
