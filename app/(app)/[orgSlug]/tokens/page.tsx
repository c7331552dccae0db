import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { ActionButton } from "@/components/ui/action-button";
import { DateTime } from "@/components/ui/date-time";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can, ROLE_LABELS } from "@/lib/domain/roles";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { TableFrame } from "@/components/ui/table-frame";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgAccess(orgSlug);
  if (!can(role, "manage_tokens")) {
    return (
      <p role="alert" className="text-slate-600 dark:text-slate-400">
        Only Owners of {organization.name} can see and manage API tokens.
      </p>
    );
  }
  const tokens = await listApiTokens({ actor: await currentActor(), orgSlug });
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold tracking-tight">API tokens</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Scripts send a token as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> to the{" "}
          <code className="font-mono">/api/v1</code> API. A token acts only within {organization.name}, with its role.
        </p>
        <CreateTokenForm orgSlug={orgSlug} />
      </section>
      <section>
        <h2 className="text-lg font-semibold">Active tokens</h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">There are no active tokens.</p>
        ) : (
          <TableFrame className="mt-3">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600 dark:text-slate-400">
                <tr>
                  <th className="py-2 font-medium">Name</th>
                  <th className="py-2 font-medium">Role</th>
                  <th className="py-2 font-medium">Token</th>
                  <th className="py-2 font-medium">Created</th>
                  <th className="py-2 font-medium">Last used</th>
                  <th className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td className="py-2">{token.name}</td>
                    <td className="py-2">{ROLE_LABELS[token.role]}</td>
                    <td className="py-2 font-mono text-xs">{token.prefix}…</td>
                    <td className="py-2">
                      <DateTime value={token.createdAt} /> by {token.createdBy}
                    </td>
                    <td className="py-2">
                      <DateTime value={token.lastUsedAt} />
                    </td>
                    <td className="py-2 text-right">
                      <ActionButton
                        call="revokeApiToken"
                        orgSlug={orgSlug}
                        id={token.id}
                        label="Revoke"
                        pendingLabel="Revoking…"
                        confirmation={`Revoke "${token.name}"? Scripts using it stop working at once.`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
    </div>
  );
}
