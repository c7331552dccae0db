"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineInput } from "@/components/ui/inline-input";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api-error";
import { useTeamMutations } from "@/lib/client/teams";
import { teamPagePath } from "@/lib/domain/page-paths";

/** Creates a team (with its PO and PM slots) and opens it. */
export function NewTeamForm({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { create } = useTeamMutations({ orgId, orgSlug });
  // Stays pending while the new team's page opens.
  const isPending = create.isPending || create.isSuccess;
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        create.mutate(
          { name },
          {
            onSuccess: ({ team }) => {
              toast.show(`Created ${team.name} with a PO and a PM slot.`, "success");
              router.push(teamPagePath(orgSlug, team));
            },
            onError: (caught) =>
              setError(
                caught instanceof ApiError ? (caught.fields?.name?.[0] ?? caught.message) : "The team was not created.",
              ),
          },
        );
      }}
    >
      <InlineInput
        id="new-team-name"
        label="New team name"
        isLabelHidden
        value={name}
        onValue={setName}
        placeholder="New team, e.g. Checkout"
        maxLength={120}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "new-team-error" : undefined}
        className="w-64"
      />
      <Button type="submit" disabled={!name.trim() || isPending}>
        {isPending ? "Creating…" : "Create team"}
      </Button>
      {error && (
        <p id="new-team-error" role="alert" className="w-full text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
