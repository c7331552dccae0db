"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import { callApi, type TBody, type TRequest, type TResponse } from "./api";
import { errorMessage } from "./api-error";
import { queryKeys } from "./query-keys";

/**
 * A map write that is not optimistic: runs it, then reloads the map (also after an error, which puts back what the
 * server has); an error becomes a toast, a success one when `success` says what to say.
 */
export function useMapWrite<TInput, TResult>({
  orgId,
  write,
  success,
}: {
  orgId: string;
  write: (input: TInput) => Promise<TResult>;
  success?: (input: TInput, result: TResult) => string;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: write,
    onSuccess: (result, input) => {
      if (success) toast.show(success(input, result), "success");
    },
    onError: (error) => toast.show(errorMessage(error, "The change was not saved."), "error"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.map(orgId) }),
  });
}

/** A form's write: on success the map reloads before the form hears of it; the form shows errors itself. */
export function useMapFormWrite<TInput, TResult>({
  orgId,
  write,
}: {
  orgId: string;
  write: (input: TInput) => Promise<TResult>;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.map(orgId) }),
  });
}

/** The operations that add a row to an organisation's map. */
type TCreateOperation =
  "POST /api/v1/orgs/{orgSlug}/duties" | "POST /api/v1/orgs/{orgSlug}/people" | "POST /api/v1/orgs/{orgSlug}/teams";

/** Adds a duty, a person or a team (a form's write: see `useMapFormWrite`). */
export function useCreateMapRow<K extends TCreateOperation>({
  orgId,
  orgSlug,
  operation,
}: {
  orgId: string;
  orgSlug: string;
  operation: K;
}) {
  return useMapFormWrite({
    orgId,
    // The three share one request shape; TypeScript cannot see that through the generic key.
    write: (body: TBody<K>) =>
      callApi<TCreateOperation>(operation, { params: { orgSlug }, body } as TRequest<TCreateOperation>) as Promise<
        TResponse<K>
      >,
  });
}
