import { describe, expect, it } from "vitest";
import { moveInGrid, moveInRows } from "./grid-navigation";

const size = { rows: 3, columns: 4 };

describe("moveInGrid", () => {
  it("moves one cell with the arrow keys and stops at the edges", () => {
    expect(moveInGrid({ row: 1, column: 1 }, "ArrowRight", size)).toEqual({ row: 1, column: 2 });
    expect(moveInGrid({ row: 1, column: 1 }, "ArrowUp", size)).toEqual({ row: 0, column: 1 });
    expect(moveInGrid({ row: 0, column: 0 }, "ArrowUp", size)).toEqual({ row: 0, column: 0 });
    expect(moveInGrid({ row: 2, column: 3 }, "ArrowRight", size)).toEqual({ row: 2, column: 3 });
  });

  it("jumps to the row's ends with Home and End, and to the grid's corners with Ctrl", () => {
    expect(moveInGrid({ row: 1, column: 2 }, "Home", size)).toEqual({ row: 1, column: 0 });
    expect(moveInGrid({ row: 1, column: 2 }, "End", size)).toEqual({ row: 1, column: 3 });
    expect(moveInGrid({ row: 1, column: 2 }, "End", { ...size, ctrlKey: true })).toEqual({ row: 2, column: 3 });
  });

  it("ignores keys that do not move", () => {
    expect(moveInGrid({ row: 0, column: 0 }, "a", size)).toBeNull();
  });
});

describe("moveInRows", () => {
  const list = { rows: 50, page: 10 };

  it("moves one row with the arrows and a page with Page Up and Page Down, stopping at the ends", () => {
    expect(moveInRows(5, "ArrowDown", list)).toBe(6);
    expect(moveInRows(5, "ArrowUp", list)).toBe(4);
    expect(moveInRows(0, "ArrowUp", list)).toBe(0);
    expect(moveInRows(49, "ArrowDown", list)).toBe(49);
    expect(moveInRows(5, "PageDown", list)).toBe(15);
    expect(moveInRows(45, "PageDown", list)).toBe(49);
    expect(moveInRows(5, "PageUp", list)).toBe(0);
  });

  it("jumps to the first and last row with Home and End", () => {
    expect(moveInRows(20, "Home", list)).toBe(0);
    expect(moveInRows(20, "End", list)).toBe(49);
  });

  it("ignores keys that do not move", () => {
    expect(moveInRows(3, "Enter", list)).toBeNull();
  });
});
