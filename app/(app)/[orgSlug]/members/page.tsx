import type { Metadata } from "next";
import { InviteForm } from "@/components/members/invite-form";
import { RoleSelect } from "@/components/members/role-select";
import { ActionButton } from "@/components/ui/action-button";
import { DateTime } from "@/components/ui/date-time";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can, ROLE_LABELS } from "@/lib/domain/roles";
import { listInvitations } from "@/lib/server/invitations/list-invitations";
import { listMembers } from "@/lib/server/members/list-members";
import { TableFrame } from "@/components/ui/table-frame";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgAccess(orgSlug);
  const actor = await currentActor();
  const isOwner = can(role, "manage_members");
  const [members, invitations] = await Promise.all([
    listMembers({ actor, orgSlug }),
    isOwner ? listInvitations({ actor, orgSlug }) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="members-heading">
        <h1 id="members-heading" className="text-2xl font-bold tracking-tight">
          Members of {organization.name}
        </h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Owners manage members and tokens; Managers edit the responsibility map; Viewers read it.
        </p>
        <TableFrame className="mt-4">
          <TableFrame>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600 dark:text-slate-400">
                <tr>
                  <th className="py-2 font-medium">Name</th>
                  <th className="py-2 font-medium">Email</th>
                  <th className="py-2 font-medium">Role</th>
                  {isOwner && (
                    <th className="py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {members.map((member) => (
                  <tr key={member.userId}>
                    <td className="py-2">{member.name}</td>
                    <td className="py-2">{member.email}</td>
                    <td className="py-2">
                      {isOwner ? (
                        <RoleSelect
                          orgSlug={orgSlug}
                          userId={member.userId}
                          role={member.role}
                          memberName={member.name}
                        />
                      ) : (
                        ROLE_LABELS[member.role]
                      )}
                    </td>
                    {isOwner && (
                      <td className="py-2 text-right">
                        <ActionButton
                          call="removeMember"
                          orgSlug={orgSlug}
                          id={member.userId}
                          label="Remove"
                          pendingLabel="Removing…"
                          confirmation={`Remove ${member.name} from ${organization.name}? They lose access at once.`}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </TableFrame>
      </section>

      {isOwner && (
        <section aria-labelledby="invite-heading" className="space-y-4">
          <h2 id="invite-heading" className="text-lg font-semibold">
            Invite someone
          </h2>
          <InviteForm orgSlug={orgSlug} />
          <h3 className="pt-4 font-semibold">Pending invitations</h3>
          {invitations.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No invitations are waiting.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600 dark:text-slate-400">
                <tr>
                  <th className="py-2 font-medium">Email</th>
                  <th className="py-2 font-medium">Role</th>
                  <th className="py-2 font-medium">Invited by</th>
                  <th className="py-2 font-medium">Expires</th>
                  <th className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td className="py-2">{invitation.email}</td>
                    <td className="py-2">{ROLE_LABELS[invitation.role]}</td>
                    <td className="py-2">{invitation.invitedBy}</td>
                    <td className="py-2">
                      {invitation.status === "expired" ? (
                        <span className="text-amber-700 dark:text-amber-400">Expired</span>
                      ) : (
                        <DateTime value={invitation.expiresAt} />
                      )}
                    </td>
                    <td className="py-2 text-right">
                      <ActionButton
                        call="revokeInvitation"
                        orgSlug={orgSlug}
                        id={invitation.id}
                        label="Revoke"
                        pendingLabel="Revoking…"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
