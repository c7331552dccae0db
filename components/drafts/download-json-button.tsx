"use client";

import { Button } from "@/components/ui/button";

/** Saves `data` (an API answer the page already has) as a pretty-printed JSON file. */
export function DownloadJsonButton({ data, fileName, label }: { data: unknown; fileName: string; label: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <Button variant="secondary" onClick={download}>
      {label}
    </Button>
  );
}
