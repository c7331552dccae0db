"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/**
 * Saves the element with id `targetId` (the overview table, a team's matrix) as a PNG, drawn in the browser in the
 * current theme. The whole element is drawn, including what is scrolled out of view.
 */
export function DownloadPngButton({
  targetId,
  fileName,
  label = "Download PNG",
  description,
  prepare,
}: {
  targetId: string;
  fileName: string;
  label?: string;
  /** What the image shows, for the button's accessible name ("Download the overview as PNG"). */
  description?: string;
  /**
   * Gets the element ready to be drawn (e.g. renders rows a virtualised table leaves out) and says how to undo that;
   * `note` is added to the success message (e.g. what was left out).
   */
  prepare?: () => { restore: () => void; note?: string };
}) {
  const toast = useToast();
  const [isPending, setIsPending] = useState(false);

  const download = async () => {
    const element = document.getElementById(targetId);
    if (!element) {
      toast.show("There is no table to draw yet.", "error");
      return;
    }
    setIsPending(true);
    const prepared = prepare?.();
    // Controls marked data-png-hide give way to their data-png-only values (see globals.css).
    element.dataset.drawing = "";
    try {
      // Loaded on demand: most visits never draw an image.
      const { toPng } = await import("html-to-image");
      const dataUrl = await toPng(element, {
        backgroundColor: getComputedStyle(document.body).backgroundColor,
        pixelRatio: 2,
        width: element.scrollWidth,
        height: element.scrollHeight,
        // A scrolling container would otherwise be cut at its visible edge.
        style: { overflow: "visible", maxWidth: "none" },
      });
      const link = document.createElement("a");
      link.href = dataUrl;
      link.download = fileName;
      link.click();
      toast.show(`Saved ${fileName}.${prepared?.note ? ` ${prepared.note}` : ""}`, "success");
    } catch {
      toast.show("The image could not be drawn. Try again, or use another browser.", "error");
    } finally {
      delete element.dataset.drawing;
      prepared?.restore();
      setIsPending(false);
    }
  };

  return (
    <Button
      variant="secondary"
      onClick={() => void download()}
      disabled={isPending}
      aria-label={description && !isPending ? `${label}: ${description}` : undefined}
    >
      {isPending ? "Drawing…" : label}
    </Button>
  );
}
