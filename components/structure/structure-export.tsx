"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { TStructure, TStructurePlacement } from "@/lib/domain/structure";
import { structureSvg, type TTeamMarks } from "@/lib/domain/structure-svg";

// A canvas past about 16,000 px a side, or 268 million pixels, fails in Chrome: a big map is drawn smaller.
const MAX_PNG_SIDE = 8_000;

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(2, MAX_PNG_SIDE / Math.max(width, height));
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("No 2D canvas.");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("No PNG."))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves the whole picture, every team however the view is zoomed, as SVG or PNG. */
export function StructureExport({
  structure,
  placement,
  marks,
  fileName,
  title,
}: {
  structure: TStructure;
  placement: TStructurePlacement | null;
  marks: TTeamMarks;
  fileName: string;
  title: string;
}) {
  const toast = useToast();
  const [isPending, setIsPending] = useState(false);
  const download = async (kind: "svg" | "png") => {
    if (!placement) return;
    setIsPending(true);
    const svg = structureSvg(structure, placement, title, marks);
    const name = `${fileName}.${kind}`;
    try {
      save(
        kind === "svg"
          ? new Blob([svg], { type: "image/svg+xml" })
          : await pngOf(svg, placement.width, placement.height),
        name,
      );
      toast.show(`Saved ${name}.`, "success");
    } catch {
      toast.show("The image could not be drawn. Try again, or download the SVG.", "error");
    } finally {
      setIsPending(false);
    }
  };
  const isDisabled = !placement || isPending;
  return (
    <div className="flex gap-2">
      <Button
        variant="secondary"
        disabled={isDisabled}
        onClick={() => void download("png")}
        aria-label="Download the structure as PNG"
      >
        PNG
      </Button>
      <Button
        variant="secondary"
        disabled={isDisabled}
        onClick={() => void download("svg")}
        aria-label="Download the structure as SVG"
      >
        SVG
      </Button>
    </div>
  );
}
