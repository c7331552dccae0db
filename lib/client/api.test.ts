import { afterEach, describe, expect, it, vi } from "vitest";
import { apiUrl, buildUrl, callApi } from "./api";
import { ApiError } from "./api-error";

describe("buildUrl", () => {
  it("puts each parameter in its place, encoded", () => {
    expect(
      buildUrl("/api/v1/orgs/{orgSlug}/teams/{teamId}/slots/{slotId}", {
        orgSlug: "acme",
        teamId: "a/b?c",
        slotId: "x y#1",
      }),
    ).toBe("/api/v1/orgs/acme/teams/a%2Fb%3Fc/slots/x%20y%231");
  });

  it("adds the query, leaving empty values out", () => {
    expect(
      buildUrl(
        "/api/v1/orgs/{orgSlug}/journal",
        { orgSlug: "acme" },
        {
          teamId: "t&1",
          limit: 20,
          actorId: undefined,
          cursor: null,
          kind: "",
        },
      ),
    ).toBe("/api/v1/orgs/acme/journal?teamId=t%261&limit=20");
  });

  it("refuses a path whose parameter is missing or empty, rather than sending 'undefined'", () => {
    expect(() => buildUrl("/api/v1/orgs/{orgSlug}/teams/{teamId}", { orgSlug: "acme" })).toThrow(
      'The API path /api/v1/orgs/{orgSlug}/teams/{teamId} needs "teamId".',
    );
    expect(() => buildUrl("/api/v1/orgs/{orgSlug}", { orgSlug: "" })).toThrow(/needs "orgSlug"/);
  });
});

describe("apiUrl", () => {
  it("builds a GET operation's URL from its contract path", () => {
    expect(
      apiUrl("GET /api/v1/orgs/{orgSlug}/state", { params: { orgSlug: "my org" }, query: { part: "roster" } }),
    ).toBe("/api/v1/orgs/my%20org/state?part=roster");
  });

  it("types the parameters by the path", () => {
    // @ts-expect-error: the path names {orgSlug}, so params must have it.
    expect(() => apiUrl("GET /api/v1/orgs/{orgSlug}/events", { params: {} })).toThrow(/needs "orgSlug"/);
  });
});

describe("callApi", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends the method, the JSON body and the headers to the built URL, and answers the JSON", async () => {
    const fetch = vi.fn(async () => Response.json({ team: { id: "t1" } }, { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    const answer = await callApi("PATCH /api/v1/orgs/{orgSlug}/teams/{teamId}", {
      params: { orgSlug: "acme", teamId: "t 1" },
      body: { name: "Checkout" },
      headers: { "If-Match": '"x"' },
    });
    expect(answer).toEqual({ team: { id: "t1" } });
    expect(fetch).toHaveBeenCalledWith("/api/v1/orgs/acme/teams/t%201", {
      method: "PATCH",
      headers: { "content-type": "application/json", "If-Match": '"x"' },
      body: '{"name":"Checkout"}',
      credentials: "same-origin",
    });
  });

  it("throws the server's error with its field errors", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          { error: { code: "conflict", message: "The key is taken.", fields: { key: ["Taken."] } } },
          { status: 409 },
        ),
      ),
    );
    const failure = callApi("POST /api/v1/orgs/{orgSlug}/teams", { params: { orgSlug: "acme" }, body: { name: "A" } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 409,
      code: "conflict",
      message: "The key is taken.",
      fields: { key: ["Taken."] },
    });
  });

  it("says when the server cannot be reached", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(
      callApi("DELETE /api/v1/orgs/{orgSlug}/people/{personId}", { params: { orgSlug: "a", personId: "p" } }),
    ).rejects.toMatchObject({ status: 0, code: "network" });
  });
});
