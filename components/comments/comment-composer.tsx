"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, errorMessage } from "@/lib/client/api-error";
import type { TMember } from "@/lib/client/comments";

const MENTION_OPTIONS = 6;

/** The `@…` being typed just before the caret, if any: where it starts and what follows the `@`. */
function mentionAt(text: string, caret: number): { from: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([^@\n]{0,40})$/.exec(before);
  if (!match) return null;
  const query = match[1] ?? "";
  // Two spaces, or a space first, end a mention.
  if (query.startsWith(" ") || query.includes("  ")) return null;
  return { from: caret - query.length - 1, query };
}

function matchingMembers(members: readonly TMember[], query: string): TMember[] {
  const wanted = query.toLowerCase();
  return members
    .filter((member) => member.name.toLowerCase().startsWith(wanted) || member.email.toLowerCase().startsWith(wanted))
    .slice(0, MENTION_OPTIONS);
}

/**
 * A text box for a comment: plain text, `@` followed by a member's name or email mentions them (a list offers the
 * members as one types), Ctrl/⌘+Enter sends. The field keeps the text when sending fails, and shows why.
 */
export function CommentComposer({
  label,
  submitLabel,
  initial = "",
  members,
  onNeedMembers,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Whom `@` offers; asked for (`onNeedMembers`) when the box is first used. */
  members: readonly TMember[];
  onNeedMembers: () => void;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [text, setText] = useState(initial);
  const [mention, setMention] = useState<{ from: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<{ message: string; fields?: string[] } | null>(null);
  const [isSending, setIsSending] = useState(false);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const listId = `${id}-mentions`;
  const errorId = `${id}-error`;
  const options = mention ? matchingMembers(members, mention.query) : [];
  const isListOpen = options.length > 0;

  const track = (value: string, caret: number) => {
    const found = mentionAt(value, caret);
    setMention(found);
    setActive(0);
  };

  const choose = (member: TMember) => {
    if (!mention) return;
    const caret = mention.from + 1 + mention.query.length;
    const inserted = `@${member.name} `;
    const next = text.slice(0, mention.from) + inserted + text.slice(caret);
    setText(next);
    setMention(null);
    const at = mention.from + inserted.length;
    requestAnimationFrame(() => {
      boxRef.current?.focus();
      boxRef.current?.setSelectionRange(at, at);
    });
  };

  const send = async () => {
    if (isSending) return;
    if (text.trim() === "") {
      setError({ message: "Write something: the comment is empty." });
      boxRef.current?.focus();
      return;
    }
    setIsSending(true);
    setError(null);
    try {
      await onSubmit(text);
      setText("");
    } catch (caught) {
      setError({
        message: errorMessage(caught, "The comment was not saved."),
        fields: caught instanceof ApiError ? caught.fields?.body : undefined,
      });
      boxRef.current?.focus();
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={boxRef}
          id={id}
          value={text}
          rows={3}
          maxLength={5000}
          aria-autocomplete="list"
          aria-controls={isListOpen ? listId : undefined}
          aria-activedescendant={isListOpen ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onFocus={onNeedMembers}
          onChange={(event) => {
            setText(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={(event) => {
            if (isListOpen) {
              if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                const step = event.key === "ArrowDown" ? 1 : -1;
                setActive((current) => (current + step + options.length) % options.length);
                return;
              }
              if (event.key === "Enter" || event.key === "Tab") {
                const member = options[active];
                if (member) {
                  event.preventDefault();
                  choose(member);
                  return;
                }
              }
              if (event.key === "Escape") {
                event.preventDefault();
                event.stopPropagation();
                setMention(null);
                return;
              }
            }
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void send();
            }
          }}
          placeholder="Plain text; @ mentions a member"
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 focus:ring-inset aria-invalid:ring-red-500 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:placeholder:text-slate-400"
        />
        {isListOpen && (
          <ul
            id={listId}
            role="listbox"
            aria-label="Members to mention"
            className="absolute top-full left-0 z-30 mt-1 w-full max-w-xs rounded-md bg-white p-1 text-sm shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
          >
            {options.map((member, index) => (
              <li
                key={member.userId}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => {
                  // Keep the focus in the text box.
                  event.preventDefault();
                  choose(member);
                }}
                className={`cursor-pointer rounded px-2 py-1.5 ${index === active ? "bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" : ""}`}
              >
                {member.name} <span className="text-slate-600 dark:text-slate-400">{member.email}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {[error.message, ...(error.fields ?? [])].join(" ")}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSending}>
          {isSending ? "Sending…" : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={isSending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
