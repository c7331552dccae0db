"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type RefObject } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { apiFetch, ApiError } from "@/lib/api-client";
import { CrossWorkspaceLink } from "./cross-workspace-link";
import { DraftFields } from "./draft-fields";
import { draftFieldErrors, type TDraft } from "./draft-types";

type TNotice = { kind: "success" | "error"; message: string; link?: { href: string; label: string } };

const LINK_CLASS =
  "font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-400";

function errorMessage(error: unknown, fallback: string): string {
  return error instanceof Error ? error.message : fallback;
}

/** The live organisation's drafts, newest first, with what the caller's role allows doing to each. */
export function DraftsManager({ orgSlug, drafts, canEdit }: { orgSlug: string; drafts: TDraft[]; canEdit: boolean }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const api = `/api/v1/orgs/${orgSlug}/drafts`;

  const done = (next: TNotice) => {
    setNotice(next);
    startTransition(() => router.refresh());
  };

  return (
    <div className="space-y-8">
      {canEdit && <NewDraftForm api={api} onCreated={done} />}
      <div aria-live="polite">
        {notice && (
          <p
            role={notice.kind === "error" ? "alert" : "status"}
            className={`rounded-md p-3 text-sm ${
              notice.kind === "error"
                ? "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
                : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
            }`}
          >
            {notice.message}
            {notice.link && (
              <>
                {" "}
                <Link href={notice.link.href} className="font-medium underline">
                  {notice.link.label}
                </Link>
              </>
            )}
          </p>
        )}
      </div>
      <section aria-labelledby="drafts-heading" className="space-y-3">
        <h2 id="drafts-heading" className="text-lg font-semibold">
          {drafts.length === 0 ? "No drafts yet" : `${drafts.length} ${drafts.length === 1 ? "draft" : "drafts"}`}
        </h2>
        {drafts.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {canEdit
              ? "Create one above to try a new team layout without changing the map everyone sees."
              : "Managers and Owners create drafts; you will see them here."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {drafts.map((draft) => (
              <DraftItem key={draft.id} api={api} orgSlug={orgSlug} draft={draft} canEdit={canEdit} onDone={done} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function NewDraftForm({ api, onCreated }: { api: string; onCreated: (notice: TNotice) => void }) {
  const form = useDraftForm({
    initial: { name: "", description: "" },
    failure: "The draft was not created.",
    send: async ({ name, description }) => {
      const { draft } = await apiFetch<{ draft: TDraft }>(api, {
        method: "POST",
        body: { name, ...(description ? { description } : {}) },
      });
      form.reset();
      onCreated({
        kind: "success",
        message: `Created the draft "${draft.name}" from the live map.`,
        link: { href: `/${draft.slug}`, label: "Open it" },
      });
    },
  });
  const { name, setName, description, setDescription, fields, error, errorRef, isPending, submit } = form;

  return (
    <section
      aria-labelledby="new-draft-heading"
      className="max-w-2xl rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="new-draft-heading" className="text-lg font-semibold">
        New draft
      </h2>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3">
        <DraftFields
          idPrefix="new-draft"
          nameLabel="Draft name"
          name={name}
          description={description}
          onNameChange={setName}
          onDescriptionChange={setDescription}
          fields={fields}
        />
        <FocusedAlert message={error} alertRef={errorRef} />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Copying the live map…" : "Create draft"}
        </Button>
      </form>
    </section>
  );
}

type TMode = "view" | "rename" | "duplicate";

function DraftItem({
  api,
  orgSlug,
  draft,
  canEdit,
  onDone,
}: {
  api: string;
  orgSlug: string;
  draft: TDraft;
  canEdit: boolean;
  onDone: (notice: TNotice) => void;
}) {
  const [mode, setMode] = useState<TMode>("view");
  const [isDiscarding, setIsDiscarding] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [discardError, setDiscardError] = useState<string | null>(null);
  const headingId = useId();

  const discard = async () => {
    setIsPending(true);
    setDiscardError(null);
    try {
      await apiFetch(`${api}/${draft.id}`, { method: "DELETE" });
      setIsDiscarding(false);
      onDone({ kind: "success", message: `Discarded the draft "${draft.name}". The live map is unchanged.` });
    } catch (caught) {
      setDiscardError(errorMessage(caught, "The draft was not discarded."));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <li aria-labelledby={headingId} className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-semibold">
            {draft.name}
            {draft.publishedAt && (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">
                Published <DateTime value={new Date(draft.publishedAt)} />
              </span>
            )}
          </h3>
          {draft.description && (
            <p className="mt-1 text-sm whitespace-pre-line text-slate-700 dark:text-slate-300">{draft.description}</p>
          )}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Created by {draft.createdBy}, <DateTime value={new Date(draft.createdAt)} />
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <CrossWorkspaceLink
            href={`/${draft.slug}`}
            className={buttonClassName("secondary")}
            aria-label={`Open ${draft.name}${draft.publishedAt || !canEdit ? " (read-only)" : ""}`}
          >
            Open{draft.publishedAt || !canEdit ? " (read-only)" : ""}
          </CrossWorkspaceLink>
          <Link
            href={`/${orgSlug}/drafts/${draft.id}/compare`}
            className={LINK_CLASS}
            aria-label={`Compare ${draft.name}`}
          >
            Compare
          </Link>
          {canEdit && (
            <>
              {(["rename", "duplicate"] as const).map((toggled) => (
                <button
                  key={toggled}
                  type="button"
                  className={LINK_CLASS}
                  aria-expanded={mode === toggled}
                  aria-label={`${toggled === "rename" ? "Rename" : "Duplicate"} ${draft.name}`}
                  onClick={() => setMode(mode === toggled ? "view" : toggled)}
                >
                  {toggled === "rename" ? "Rename" : "Duplicate"}
                </button>
              ))}
              <button
                type="button"
                className="font-medium text-red-700 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:text-red-400"
                aria-label={`Discard ${draft.name}`}
                onClick={() => setIsDiscarding(true)}
              >
                Discard
              </button>
            </>
          )}
        </div>
      </div>
      {mode === "rename" && (
        <DraftEditForm
          key="rename"
          draft={draft}
          mode="rename"
          onCancel={() => setMode("view")}
          onSubmit={async ({ name, description }) => {
            await apiFetch(`${api}/${draft.id}`, {
              method: "PATCH",
              body: { name, description: description || null },
            });
            setMode("view");
            onDone({ kind: "success", message: `Renamed the draft to "${name}".` });
          }}
        />
      )}
      {mode === "duplicate" && (
        <DraftEditForm
          key="duplicate"
          draft={draft}
          mode="duplicate"
          onCancel={() => setMode("view")}
          onSubmit={async ({ name, description }) => {
            const { draft: copy } = await apiFetch<{ draft: TDraft }>(api, {
              method: "POST",
              body: { name, from: draft.id, ...(description ? { description } : {}) },
            });
            setMode("view");
            onDone({
              kind: "success",
              message: `Duplicated "${draft.name}" as "${copy.name}".`,
              link: { href: `/${copy.slug}`, label: "Open the copy" },
            });
          }}
        />
      )}
      <ConfirmDialog
        isOpen={isDiscarding}
        title={`Discard “${draft.name}”?`}
        confirmLabel="Discard draft"
        pendingLabel="Discarding…"
        isPending={isPending}
        onConfirm={() => void discard()}
        onCancel={() => {
          setIsDiscarding(false);
          setDiscardError(null);
        }}
      >
        <p>Its map and its history are deleted for good. The live map is not touched.</p>
        {discardError && (
          <p role="alert" className="font-medium text-red-700 dark:text-red-400">
            {discardError}
          </p>
        )}
      </ConfirmDialog>
    </li>
  );
}

function DraftEditForm({
  draft,
  mode,
  onCancel,
  onSubmit,
}: {
  draft: TDraft;
  mode: "rename" | "duplicate";
  onCancel: () => void;
  onSubmit: (values: { name: string; description: string }) => Promise<void>;
}) {
  const isRename = mode === "rename";
  const idPrefix = `${mode}-${draft.id}`;
  const { name, setName, description, setDescription, fields, error, errorRef, isPending, submit } = useDraftForm({
    initial: {
      name: isRename ? draft.name : `Copy of ${draft.name}`,
      description: isRename ? (draft.description ?? "") : "",
    },
    failure: isRename ? "The draft was not renamed." : "The draft was not duplicated.",
    send: onSubmit,
  });

  useEffect(() => {
    const input = document.getElementById(`${idPrefix}-name`);
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  }, [idPrefix]);

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      noValidate
      aria-label={isRename ? `Rename ${draft.name}` : `Duplicate ${draft.name}`}
      className="max-w-2xl space-y-3 rounded-md bg-slate-50 p-3 dark:bg-slate-900"
    >
      {!isRename && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The copy starts from this draft&apos;s map and plans against the same live map.
        </p>
      )}
      <DraftFields
        idPrefix={idPrefix}
        nameLabel={isRename ? "Name" : "Name of the copy"}
        name={name}
        description={description}
        onNameChange={setName}
        onDescriptionChange={setDescription}
        fields={fields}
      />
      <FocusedAlert message={error} alertRef={errorRef} />
      <div className="flex gap-3">
        <Button type="submit" disabled={isPending}>
          {isRename ? (isPending ? "Saving…" : "Save") : isPending ? "Copying…" : "Duplicate"}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A form's error, focusable so that the form can move focus to it. */
function FocusedAlert({
  message,
  alertRef,
}: {
  message: string | null;
  alertRef: RefObject<HTMLParagraphElement | null>;
}) {
  if (!message) return null;
  return (
    <p
      ref={alertRef}
      tabIndex={-1}
      role="alert"
      className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
    >
      {message}
    </p>
  );
}

/**
 * A draft's name-and-description form: checked in the browser, then sent; the server's field errors show by their
 * fields, any other error in an alert that takes the focus.
 */
function useDraftForm({
  initial,
  failure,
  send,
}: {
  initial: { name: string; description: string };
  failure: string;
  send: (values: { name: string; description: string }) => Promise<unknown>;
}) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = draftFieldErrors({ name, description });
    setFields(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setIsPending(true);
    try {
      await send({ name: name.trim(), description: description.trim() });
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields) setFields(caught.fields);
      else setError(errorMessage(caught, failure));
    } finally {
      setIsPending(false);
    }
  };
  const reset = () => {
    setName(initial.name);
    setDescription(initial.description);
  };
  return { name, setName, description, setDescription, fields, error, errorRef, isPending, submit, reset };
}
