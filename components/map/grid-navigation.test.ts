import { describe, expect, it } from "vitest";
import { moveInGrid } from "./grid-navigation";

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
