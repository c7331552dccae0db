"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { apiFetch, ApiError } from "@/lib/api-client";
import { mapQueryKey } from "./use-org-map";

/** Creates a team (with its PO and PM slots) and opens it. */
export function NewTeamForm({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setIsPending(true);
        setError(null);
        try {
          const { team } = await apiFetch<{ team: { id: string; name: string } }>(`/api/v1/orgs/${orgSlug}/teams`, {
            method: "POST",
            body: { name },
          });
          await queryClient.invalidateQueries({ queryKey: mapQueryKey(orgId) });
          toast.show(`Created ${team.name} with a PO and a PM slot.`, "success");
          router.push(`/${orgSlug}/teams/${team.id}`);
        } catch (caught) {
          setError(
            caught instanceof ApiError ? (caught.fields?.name?.[0] ?? caught.message) : "The team was not created.",
          );
          setIsPending(false);
        }
      }}
    >
      <label htmlFor="new-team-name" className="sr-only">
        New team name
      </label>
      <input
        id="new-team-name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder="New team, e.g. Checkout"
        maxLength={120}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "new-team-error" : undefined}
        className="w-64 rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
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
