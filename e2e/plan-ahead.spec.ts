// The map as it will be (issue 22): `?at=` a future moment on the API and the screens shows live with the drafts
// scheduled to publish by then, merged in the order they are due; a draft that will be refused (conflicts) is left
// out, and the screens say that they show a plan. The timeline and the overview's "Coming up" list what is coming
// (and what happened) with the flags each change resolves and introduces.
import { expect, test } from "@playwright/test";
import { managerWithToken, signIn } from "./fixtures/accounts";
import { apiOf, plannedDraft, scheduleIn } from "./fixtures/scheduling";
import { captureScreens } from "./fixtures/screens";

const DAY = 86_400_000;

type TState = { map: { teams: { key: string; name: string }[] } };
type TAnalysis = { teams: { team: { key: string } }[] };

test("the API and the screens show the map as it will be, with the drafts scheduled by then", async ({
  page,
  baseURL,
}, testInfo) => {
  const { user, slug, secret } = await managerWithToken();
  const api = apiOf(baseURL!, { bearer: secret });

  // A past action on live: renaming a team changes no flag.
  expect((await api("PATCH", `/orgs/${slug}/teams/growth`, { description: "Acquisition and activation" })).status).toBe(
    200,
  );
  // Two drafts, due in a week and in three weeks; a third, due in two weeks, renames the same team differently.
  const first = await plannedDraft(api, slug, "checkout");
  // The first also leaves Checkout's PO slot vacant: that slot owns duties, so it introduces an error.
  const slots = await api<{ slots: { id: string; role: string }[] }>("GET", `/orgs/${first.slug}/teams/checkout/slots`);
  const po = slots.body.slots.find((slot) => slot.role === "PO")!;
  expect((await api("PATCH", `/orgs/${first.slug}/teams/checkout/slots/${po.id}`, { holderId: null })).status).toBe(
    200,
  );
  await scheduleIn(api, slug, first.id, 7 * DAY);
  const second = await plannedDraft(api, slug, "search");
  await scheduleIn(api, slug, second.id, 21 * DAY);
  const made = await api<{ draft: { id: string; slug: string } }>("POST", `/orgs/${slug}/drafts`, { name: "Clash" });
  expect(made.status).toBe(201);
  expect((await api("PATCH", `/orgs/${made.body.draft.slug}/teams/checkout`, { name: "Checkout EU" })).status).toBe(
    200,
  );
  await scheduleIn(api, slug, made.body.draft.id, 14 * DAY);

  const names = async (at: number) => {
    const moment = encodeURIComponent(new Date(Date.now() + at).toISOString());
    const state = await api<TState>("GET", `/orgs/${slug}/state?at=${moment}`);
    expect(state.status).toBe(200);
    return Object.fromEntries(state.body.map.teams.map((team) => [team.key, team.name]));
  };
  expect(await names(DAY)).toMatchObject({ checkout: "Checkout", search: "Search" });
  expect(await names(10 * DAY)).toMatchObject({ checkout: "checkout (planned)", search: "Search" });
  // The clash is due before the second draft; it will be refused, so the plan leaves it out.
  expect(await names(30 * DAY)).toMatchObject({ checkout: "checkout (planned)", search: "search (planned)" });
  // Live is untouched.
  expect(await names(0)).toMatchObject({ checkout: "Checkout", search: "Search" });

  const later = encodeURIComponent(new Date(Date.now() + 30 * DAY).toISOString());
  const analysis = await api<TAnalysis>("GET", `/orgs/${slug}/analysis?at=${later}&teamId=checkout`);
  expect(analysis.status).toBe(200);
  expect(analysis.body.teams.map((entry) => entry.team.key)).toEqual(["checkout"]);
  const overview = await api<{ overview: { rows: { team: { name: string } }[] } }>(
    "GET",
    `/orgs/${slug}/overview?at=${later}`,
  );
  expect(overview.body.overview.rows.map((row) => row.team.name)).toContain("search (planned)");

  type TTimeline = {
    items: {
      kind: string;
      sentence: string;
      conflicts: number;
      flags: { introduced: { kind: string }[]; resolved: { kind: string }[] };
    }[];
  };
  const timeline = await api<TTimeline>("GET", `/orgs/${slug}/timeline`);
  expect(timeline.status).toBe(200);
  const coming = timeline.body.items.filter((item) => item.kind === "scheduled_publish");
  expect(coming.map((item) => [item.sentence, item.conflicts])).toEqual([
    ["Draft “Rename checkout” publishes as scheduled.", 0],
    ["Draft “Clash”: its scheduled publish will be refused (1 conflict with live).", 1],
    ["Draft “Rename search” publishes as scheduled.", 0],
  ]);
  expect(coming[0]!.flags.introduced.map((flag) => flag.kind)).toContain("vacant_slot");
  expect(coming[2]!.flags).toEqual({ introduced: [], resolved: [] });
  const past = timeline.body.items.filter((item) => item.kind === "action");
  expect(past.at(-1)).toMatchObject({ flags: { introduced: [], resolved: [] } });
  expect(past.at(-1)!.sentence).toMatch(/Growth/);

  await signIn(page, user);
  await page.goto(`/${slug}`);
  const comingUp = page.getByRole("region", { name: "Coming up" });
  await expect(comingUp.getByRole("listitem")).toHaveText([
    /: Draft “Rename checkout” publishes as scheduled\. → introduces 1 flag: The PO slot in checkout \(planned\) is vacant/,
    /: Draft “Clash”: its scheduled publish will be refused \(1 conflict with live\)\. → changes nothing unless/,
    /: Draft “Rename search” publishes as scheduled\. → changes no flag$/,
  ]);
  await captureScreens(page, testInfo, "coming-up");
  await page.goto(`/${slug}?at=${later}`);
  const bar = page.getByRole("region", { name: "Time travel" });
  await expect(bar.getByRole("status")).toContainText("This is a plan");
  await expect(bar.getByRole("listitem")).toHaveText([
    /^Draft Rename checkout publishes, /,
    /^Draft Clash publishes, .* left out: its publish will be refused \(1 conflict with live\)$/,
    /^Draft Rename search publishes, /,
  ]);
  await expect(page.getByRole("table", { name: "Teams by duty" })).toContainText("search (planned)");
  await captureScreens(page, testInfo, "plan-overview");

  await page.goto(`/${slug}/teams/search?at=${later}`);
  await expect(page.getByRole("heading", { name: "search (planned)", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Time travel" })).toContainText("This is a plan");
  await expect(page.getByRole("button", { name: /Restore this team/ })).toHaveCount(0);
  await captureScreens(page, testInfo, "plan-team");

  // The time picker goes both ways.
  await page.goto(`/${slug}`);
  await page.getByRole("button", { name: "In a month" }).click();
  await expect(page.getByRole("region", { name: "Time travel" }).getByRole("status")).toContainText("This is a plan");
});
