import { describe, expect, it } from "vitest";
import { hasHistoryFilters, historySearch, journalQuery, readHistoryFilters } from "@/lib/client/history-filters";

const from = (query: string) => {
  const params = new URLSearchParams(query);
  return readHistoryFilters((name) => params.get(name));
};

describe("the History page's filters", () => {
  it("reads what the URL names, and leaves out what cannot be a filter", () => {
    expect(from("teamId=search&kind=assignment&action=map.import&from=2026-11-01&to=2026-11-28")).toEqual({
      teamId: "search",
      kind: "assignment",
      action: "map.import",
      from: "2026-11-01",
      to: "2026-11-28",
    });
    expect(from("kind=planet&action=drop&from=yesterday&to=2026-13-45&teamId=%20%20")).toEqual({});
    expect(hasHistoryFilters(from(""))).toBe(false);
  });

  it("round-trips through the URL, and turns days into the moments that bound them for the API", () => {
    const filters = from("personId=pia&from=2026-11-01&to=2026-11-02");
    expect(from(historySearch(filters))).toEqual(filters);
    expect(journalQuery(filters)).toEqual({
      personId: "pia",
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-02T23:59:59.999Z",
    });
  });
});
