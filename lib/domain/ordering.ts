/**
 * `ids` with `id` moved to `position` (0-based, clamped to the list) and the others closed up around it, as a
 * drag-and-drop move does. An id that is not in the list leaves it unchanged.
 */
export function moveToPosition(ids: readonly string[], id: string, position: number): string[] {
  const from = ids.indexOf(id);
  if (from === -1) return [...ids];
  const rest = ids.filter((other) => other !== id);
  const to = Math.max(0, Math.min(Math.trunc(position), rest.length));
  rest.splice(to, 0, id);
  return rest;
}
