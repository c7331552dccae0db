import { describe, expect, it } from "vitest";
import { can, wouldLeaveNoOwner, type TPermission, type TRole } from "./roles";

describe("can", () => {
  const table: [TRole, TPermission, boolean][] = [
    ["VIEWER", "read", true],
    ["VIEWER", "edit_map", false],
    ["VIEWER", "manage_members", false],
    ["MANAGER", "read", true],
    ["MANAGER", "edit_map", true],
    ["MANAGER", "manage_members", false],
    ["MANAGER", "manage_tokens", false],
    ["MANAGER", "manage_webhooks", false],
    ["MANAGER", "delete_organization", false],
    ["OWNER", "edit_map", true],
    ["OWNER", "manage_members", true],
    ["OWNER", "manage_tokens", true],
    ["OWNER", "manage_webhooks", true],
    ["MANAGER", "manage_settings", false],
    ["OWNER", "manage_settings", true],
    ["OWNER", "delete_organization", true],
  ];
  it.each(table)("%s may %s: %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });
});

describe("wouldLeaveNoOwner", () => {
  it("is true only when every Owner leaves", () => {
    expect(wouldLeaveNoOwner(["a"], ["a"])).toBe(true);
    expect(wouldLeaveNoOwner(["a", "b"], ["a"])).toBe(false);
    expect(wouldLeaveNoOwner(["a", "b"], ["b", "a"])).toBe(true);
    expect(wouldLeaveNoOwner(["a"], ["z"])).toBe(false);
  });
});
