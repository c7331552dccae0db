"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TSuggestPlanProps } from "./suggest-plan-dialog";

// Loaded on the first open: the button is on every team page and the overview, the dialog seldom opened.
const SuggestPlanDialog = dynamic(() => import("./suggest-plan-dialog").then((module) => module.SuggestPlanDialog), {
  ssr: false,
});

/**
 * "Suggest a plan": what to clear and how far the plan may go; progress while the server solves; then the new
 * draft's compare page, or why there is no plan. On a team page the plan changes that team only; on a draft's pages
 * it starts from the draft.
 */
export function SuggestPlan(props: TSuggestPlanProps) {
  const [isOpen, setIsOpen] = useState(false);
  // Kept once opened: closing gives focus back to the button, and a plan being solved keeps its progress.
  const [hasOpened, setHasOpened] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setHasOpened(true);
          setIsOpen(true);
        }}
      >
        Suggest a plan
      </Button>
      {hasOpened && <SuggestPlanDialog {...props} isOpen={isOpen} onClose={() => setIsOpen(false)} />}
    </>
  );
}
