"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { TActionState } from "@/lib/errors";

export function AcceptInvitationForm({
  action,
  organizationName,
}: {
  action: (previous: TActionState) => Promise<TActionState>;
  organizationName: string;
}) {
  const [state, formAction, isPending] = useActionState<TActionState>(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Joining…" : `Join ${organizationName}`}
      </Button>
    </form>
  );
}
