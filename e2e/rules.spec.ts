// Issue 21: the Rules page. A manager turns on the rules the PO/PM guide recommends, sees their effect on the map
// before saving, saves, and the flags everywhere follow; a wrong parameter is refused beside its rule; a viewer reads.
import { expect, test, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens } from "./fixtures/screens";

test("a manager previews the recommended rules and saves them; a wrong parameter is refused beside its rule", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/rules`);
  await expect(page.getByRole("heading", { name: "Rules", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rules" })).toBeDisabled();
  await captureScreens(page, testInfo, "rules");

  await page.getByRole("button", { name: "Turn on the recommended rules" }).click();
  const lean = page.getByRole("group", { name: /^Lean mismatch/ });
  await expect(lean.getByLabel("Severity")).toHaveValue("info");
  const effect = page.getByTestId("rules-effect");
  await expect(effect).toContainText(/Saving adds \d+ flags? in \d+ teams?/);
  await expect(effect).toContainText(/health \d+ → \d+/);
  await captureScreens(page, testInfo, "rules-preview");

  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText(/Rules saved \(2 changed\)/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rules" })).toBeDisabled();
  const stored = await page.request.get(`/api/v1/orgs/${organization.slug}/rules`);
  const { rules } = (await stored.json()) as { rules: { id: string; severity: string }[] };
  expect(rules.filter((rule) => rule.id === "lean_mismatch" || rule.id === "po_spread")).toEqual([
    expect.objectContaining({ id: "lean_mismatch", severity: "info" }),
    expect.objectContaining({ id: "po_spread", severity: "warning" }),
  ]);
  await page.reload();
  await expect(lean.getByLabel("Severity")).toHaveValue("info");
  await expect(page.getByRole("button", { name: "Turn on the recommended rules" })).toHaveCount(0);

  // A wrong parameter: refused with the reason beside its rule, and nothing is saved.
  const shared = page.getByRole("group", { name: /^Shared ownership/ });
  await shared.getByRole("spinbutton").fill("0");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(shared.getByRole("alert")).toBeVisible();
  const after = (await (await page.request.get(`/api/v1/orgs/${organization.slug}/rules`)).json()) as {
    rules: { id: string; params: Record<string, unknown> }[];
  };
  expect(after.rules.find((rule) => rule.id === "shared_ownership")?.params).toEqual({ max: 1 });
});

test("a viewer reads the rules and cannot change them", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "VIEWER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/rules`);
  await expect(page.getByText(/ask an Owner for the Manager role/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rules" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^Unowned duty/ }).getByLabel("Severity")).toBeDisabled();
  await captureScreens(page, testInfo, "rules-viewer");
});

// Rules in the remit.map/v1 file and in drafts, over HTTP against the built app.

type TRuleSetting = { id: string; severity: string; params: Record<string, unknown>; exemptTeams: string[] };
type TDocument = { teams: { key: string }[]; rules: TRuleSetting[] };
type TGroup = { groupId: string; action: string; entries: { entity: string }[] };

function api(page: Page, baseURL: string | undefined, orgSlug: string) {
  const headers = { origin: baseURL ?? "" };
  const at = (path: string) => `/api/v1/orgs/${orgSlug}${path}`;
  return {
    get: async <T>(path: string) => {
      const answer = await page.request.get(at(path));
      expect(answer.status(), await answer.text()).toBe(200);
      return (await answer.json()) as T;
    },
    send: (method: "put" | "patch" | "post", path: string, data: unknown = {}) =>
      page.request[method](at(path), { data, headers }),
  };
}

const settingOf = (rules: TRuleSetting[], id: string) => rules.find((rule) => rule.id === id)!;
const settingsOf = (rules: TRuleSetting[]) =>
  rules.map(({ id, severity, params, exemptTeams }) => ({ id, severity, params, exemptTeams }));

test("the map file carries the rules: export, import back, and a file with wrong rules is refused whole", async ({
  page,
  baseURL,
}) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  const live = api(page, baseURL, organization.slug);
  const changed = await live.send("patch", "/rules", {
    rules: [
      { id: "team_size", severity: "on", params: { max: 2 }, exemptTeams: ["search"] },
      { id: "po_spread", severity: "error", params: { max: 1 } },
    ],
  });
  expect(changed.status()).toBe(200);
  const exported = await live.get<TDocument>("/map");
  expect(exported.rules.map((rule) => rule.id)).toEqual([
    "unowned_duty",
    "shared_ownership",
    "vacant_slot",
    "dual_role",
    "overloaded_person",
    "idle_slot",
    "no_responsible",
    "too_many_consulted",
    "lean_mismatch",
    "po_spread",
    "person_spread",
    "team_size",
  ]);
  expect(settingOf(exported.rules, "team_size")).toEqual({
    id: "team_size",
    severity: "warning",
    params: { max: 2 },
    exemptTeams: ["search"],
  });

  // Rules reset by hand; importing the export puts them back, and the next export is the same bytes.
  await live.send("patch", "/rules", {
    rules: [{ id: "team_size", severity: "off", params: { max: 9 }, exemptTeams: [] }],
  });
  expect((await live.send("put", "/map", exported)).status()).toBe(200);
  const again = await page.request.get(`/api/v1/orgs/${organization.slug}/map`);
  expect(await again.text()).toBe(JSON.stringify(exported));
  const { groups } = await live.get<{ groups: TGroup[] }>("/journal");
  expect(groups[0]!.action).toBe("map.import");
  expect(groups[0]!.entries.map((entry) => entry.entity)).toEqual(["rule"]);

  // Wrong rules, and a wrong team besides: 400 with every problem under its path, and nothing changes.
  const refused = await live.send("put", "/map", {
    ...exported,
    teams: [...exported.teams, { key: "Not A Key", name: "Extra" }],
    rules: [
      { id: "no_such_rule", severity: "error" },
      { id: "shared_ownership", params: { max: 0 } },
      { id: "team_size", exemptTeams: ["search", "nowhere"] },
      { id: "overloaded_person", params: { tolerance: "lots" } },
      { id: "dual_role", severity: "sometimes" },
    ],
  });
  expect(refused.status()).toBe(400);
  const { error } = (await refused.json()) as { error: { message: string; fields: Record<string, string[]> } };
  expect(error.message).toMatch(/6 problems; nothing was imported/);
  expect(Object.keys(error.fields).sort()).toEqual([
    "rules[0].id",
    "rules[1].params.max",
    "rules[2].exemptTeams[1]",
    "rules[3].params.tolerance",
    "rules[4].severity",
    "teams[5].key",
  ]);
  expect(await (await page.request.get(`/api/v1/orgs/${organization.slug}/map`)).text()).toBe(JSON.stringify(exported));
  expect((await live.get<{ groups: TGroup[] }>("/journal")).groups[0]!.groupId).toBe(groups[0]!.groupId);
});

test("a draft tries a rule change: its Rules page saves it, compare shows it, publish applies it as one undoable action", async ({
  page,
  baseURL,
}) => {
  test.slow();
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  const live = api(page, baseURL, organization.slug);
  const made = await live.send("post", "/drafts", { name: "Stricter rules" });
  expect(made.status()).toBe(201);
  const { draft } = (await made.json()) as { draft: { id: string; slug: string } };
  const liveBefore = (await live.get<{ rules: TRuleSetting[] }>("/rules")).rules;

  await page.goto(`/${draft.slug}/rules`);
  await expect(page.getByText(/stays in the draft until it is published/)).toBeVisible();
  const size = page.getByRole("group", { name: /^Team size/ });
  await size.getByLabel("Severity").selectOption("warning");
  await size.getByRole("spinbutton").fill("1");
  await expect(page.getByTestId("rules-effect")).toContainText(/Saving adds \d+ flags? in \d+ teams?/);
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText(/Rules saved \(1 changed\)/)).toBeVisible();
  const inDraft = await api(page, baseURL, draft.slug).get<{ rules: TRuleSetting[] }>("/rules");
  expect(settingOf(inDraft.rules, "team_size")).toMatchObject({ severity: "warning", params: { max: 1 } });
  expect(settingsOf((await live.get<{ rules: TRuleSetting[] }>("/rules")).rules)).toEqual(settingsOf(liveBefore));

  const comparison = await live.get<{
    changes: { rules: { changed: { id: string }[] } };
    flags: { introduced: { kind: string }[]; resolved: unknown[] };
  }>(`/drafts/${draft.id}/compare?with=live`);
  expect(comparison.changes.rules.changed.map((rule) => rule.id)).toEqual(["team_size"]);
  const introduced = comparison.flags.introduced.map((flag) => flag.kind);
  expect(introduced.length).toBeGreaterThan(0);
  expect(new Set(introduced)).toEqual(new Set(["team_size"]));
  expect(comparison.flags.resolved).toEqual([]);

  await page.goto(`/${organization.slug}/drafts/${draft.id}/compare`);
  const byKind = page.getByRole("table", { name: "Changes by kind" });
  await expect(byKind.getByRole("row", { name: /^Rules/ })).toContainText("~1");
  await expect(page.getByText(/Flags introduced \([1-9]\d*\)/)).toBeVisible();
  await page.getByRole("button", { name: "Publish draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();

  const published = (await live.get<{ rules: TRuleSetting[] }>("/rules")).rules;
  expect(settingsOf(published)).toEqual(settingsOf(inDraft.rules));
  const { groups } = await live.get<{ groups: TGroup[] }>("/journal");
  expect(groups[0]!.action).toBe("draft.publish");
  expect(groups[0]!.entries.map((entry) => entry.entity)).toEqual(["rule"]);
  expect(groups.filter((group) => group.action === "draft.publish")).toHaveLength(1);

  const undone = await live.send("post", `/journal/${groups[0]!.groupId}/undo`);
  expect(undone.status(), await undone.text()).toBe(200);
  expect(settingsOf((await live.get<{ rules: TRuleSetting[] }>("/rules")).rules)).toEqual(settingsOf(liveBefore));
});

test("a live change of a rule and the publish of a draft changing it, sent at once: one wins, the other is told", async ({
  page,
  baseURL,
}) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  const live = api(page, baseURL, organization.slug);
  const { draft } = (await (await live.send("post", "/drafts", { name: "Spread" })).json()) as {
    draft: { id: string; slug: string };
  };
  const inDraft = await api(page, baseURL, draft.slug).send("patch", "/rules", {
    rules: [{ id: "po_spread", severity: "error", params: { max: 1 } }],
  });
  expect(inDraft.status()).toBe(200);
  const groupsBefore = (await live.get<{ groups: TGroup[] }>("/journal")).groups.length;

  const [patched, published] = await Promise.all([
    live.send("patch", "/rules", { rules: [{ id: "po_spread", severity: "info", params: { max: 3 } }] }),
    live.send("post", `/drafts/${draft.id}/publish`),
  ]);
  expect(patched.status()).toBe(200);
  const { groups } = await live.get<{ groups: TGroup[] }>("/journal");
  const stored = await db.rule.findUniqueOrThrow({ where: { id: `${organization.id}:po_spread` } });
  if (published.status() === 409) {
    // The live change came first: publishing it would overwrite it, so the publish asks which to keep.
    const body = (await published.json()) as { conflicts: { id: string }[] };
    expect(body.conflicts.map((conflict) => conflict.id)).toEqual(["rule:po_spread"]);
    expect(groups.slice(0, groups.length - groupsBefore).map((group) => group.action)).toEqual(["rules.update"]);
    expect(stored).toMatchObject({ severity: "info", params: { max: 3 } });
  } else {
    // The publish came first; the live change then applied over it, each one action.
    expect(published.status(), await published.text()).toBe(200);
    expect(groups.slice(0, groups.length - groupsBefore).map((group) => group.action)).toEqual([
      "rules.update",
      "draft.publish",
    ]);
    expect(stored).toMatchObject({ severity: "info", params: { max: 3 } });
  }
  expect(await db.rule.count({ where: { organizationId: organization.id, ruleId: "po_spread" } })).toBe(1);
});
