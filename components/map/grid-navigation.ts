export type TGridPosition = { row: number; column: number };

/** Where focus goes in a rows × columns grid for a key press, or null when the key does not move it. */
export function moveInGrid(
  position: TGridPosition,
  key: string,
  { rows, columns, ctrlKey = false }: { rows: number; columns: number; ctrlKey?: boolean },
): TGridPosition | null {
  const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));
  switch (key) {
    case "ArrowUp":
      return { ...position, row: clamp(position.row - 1, rows) };
    case "ArrowDown":
      return { ...position, row: clamp(position.row + 1, rows) };
    case "ArrowLeft":
      return { ...position, column: clamp(position.column - 1, columns) };
    case "ArrowRight":
      return { ...position, column: clamp(position.column + 1, columns) };
    case "Home":
      return ctrlKey ? { row: 0, column: 0 } : { ...position, column: 0 };
    case "End":
      return ctrlKey ? { row: rows - 1, column: columns - 1 } : { ...position, column: columns - 1 };
    case "PageUp":
      return { ...position, row: 0 };
    case "PageDown":
      return { ...position, row: rows - 1 };
    default:
      return null;
  }
}

/** Where focus goes in a list of `rows` rows for a key press (a page is `page` rows), or null for other keys. */
export function moveInRows(row: number, key: string, { rows, page }: { rows: number; page: number }): number | null {
  const clamp = (value: number) => Math.max(0, Math.min(rows - 1, value));
  switch (key) {
    case "ArrowUp":
      return clamp(row - 1);
    case "ArrowDown":
      return clamp(row + 1);
    case "PageUp":
      return clamp(row - page);
    case "PageDown":
      return clamp(row + page);
    case "Home":
      return 0;
    case "End":
      return clamp(rows - 1);
    default:
      return null;
  }
}
