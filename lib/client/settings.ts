"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { callApi, type TBody } from "./api";

/** Changes the organisation's settings; the settings page is rendered by the server, so a success renders it again. */
export function useSaveSettings({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return useMutation({
    mutationFn: (changes: TBody<"PATCH /api/v1/orgs/{orgSlug}/settings">) =>
      callApi("PATCH /api/v1/orgs/{orgSlug}/settings", { params: { orgSlug }, body: changes }),
    onSuccess: () => startTransition(() => router.refresh()),
  });
}
