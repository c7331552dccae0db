// Terms (issue 22) over HTTP and in Chromium against the production build: the holder picker sets a term's end and
// the next holder; a term ending a few seconds ahead shows as a vacancy (with its flags) in the map as it will be and
// on the timeline first, then, at its moment, the job queue ends it on live, the open team page follows, and the
// live stream announces it.
import { expect, test } from "@playwright/test";
import { managerWithToken, signIn } from "./fixtures/accounts";
import { openEventStream } from "./fixtures/event-stream";
import { apiOf } from "./fixtures/scheduling";
import { captureScreens } from "./fixtures/screens";

type TSlot = {
  id: string;
  role: string;
  holderId: string | null;
  holderUntil: string | null;
  nextHolder: { key: string } | null;
  nextHolderFrom: string | null;
};
type TTimeline = { items: { kind: string; at: string; sentence: string; flags: { introduced: { kind: string }[] } }[] };

const ENDED = { timeout: 30_000 };
const pad = (value: number) => String(value).padStart(2, "0");
/** A moment as a datetime-local input takes it, in the browser's (and this runner's) time zone. */
const localInput = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

test("a term set on the team page ends at its moment: planned first, then live, on screen and on the stream", async ({
  page,
  baseURL,
}, testInfo) => {
  const { user, slug, secret } = await managerWithToken();
  const api = apiOf(baseURL!, { bearer: secret });
  const poSlot = async () =>
    (await api<{ slots: TSlot[] }>("GET", `/orgs/${slug}/teams/checkout/slots`)).body.slots.find(
      (slot) => slot.role === "PO",
    )!;

  // On the team page, the PO's picker sets an end tomorrow at 09:00 and Grace Kim from 10:00.
  await signIn(page, user);
  await page.goto(`/${slug}/teams/checkout`);
  const holder = page.getByLabel("Holder of the PO slot");
  await expect(holder).toHaveValue(/.+/);
  await page.getByText("Set a term of the PO slot").click();
  const form = page.getByRole("form", { name: "Term of the PO slot" });
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setHours(9, 0, 0, 0);
  const handover = new Date(tomorrow.getTime() + 3_600_000);
  await form.getByLabel("The holder's term ends").fill(localInput(tomorrow));
  await form.getByLabel("Next holder").selectOption({ label: "Grace Kim" });
  await form.getByLabel("Takes over from").fill(localInput(handover));
  await captureScreens(page, testInfo, "term-form");
  await form.getByRole("button", { name: "Save term" }).click();
  await expect(page.getByText(/^Until .* UTC/)).toBeVisible();
  await expect(page.getByText(/^Then Grace Kim from .* UTC/)).toBeVisible();
  await captureScreens(page, testInfo, "term-set");
  expect(await poSlot()).toMatchObject({
    holderUntil: tomorrow.toISOString(),
    nextHolder: { key: "grace-kim" },
    nextHolderFrom: handover.toISOString(),
  });

  // Bad input changes nothing: an end in the past, a next holder of no person here.
  const po = await poSlot();
  const past = await api("PATCH", `/orgs/${slug}/teams/checkout/slots/${po.id}`, {
    holderUntil: new Date(Date.now() - 60_000).toISOString(),
  });
  expect(past.status).toBe(400);
  const stranger = await api("PATCH", `/orgs/${slug}/teams/checkout/slots/${po.id}`, {
    nextHolderId: "nobody-here",
    nextHolderFrom: handover.toISOString(),
  });
  expect(stranger.status).toBe(400);
  expect(await poSlot()).toEqual(po);

  // The stream, opened before the term ends.
  const stream = await openEventStream(`${baseURL}/api/v1/orgs/${slug}/events`, secret);
  try {
    await stream.readUntil("event: ready");
    // Now the term ends in a few seconds, with nobody planned after it.
    const ends = new Date(Date.now() + 4_000).toISOString();
    const set = await api("PATCH", `/orgs/${slug}/teams/checkout/slots/${po.id}`, {
      holderUntil: ends,
      nextHolderId: null,
    });
    expect(set.status).toBe(200);

    // Before it: the plan a minute ahead has the slot vacant; the timeline says so, with the flags it introduces.
    const ahead = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    const planned = await api<{ map: { slots: TSlot[] } }>("GET", `/orgs/${slug}/state?teamId=checkout&at=${ahead}`);
    expect(planned.body.map.slots.find((slot) => slot.id === po.id)!.holderId).toBeNull();
    const timeline = await api<TTimeline>(
      "GET",
      `/orgs/${slug}/timeline?from=${encodeURIComponent(new Date().toISOString())}`,
    );
    const term = timeline.body.items.find((item) => item.kind === "term");
    expect(term).toMatchObject({
      at: ends,
      sentence: "Amara Okafor's term as PO of “Checkout” ends: the slot is vacant.",
    });
    expect(term!.flags.introduced.length).toBeGreaterThan(0);
    expect(await holder.inputValue()).not.toBe("");

    // At its moment: live, the open page and the stream follow.
    await expect(holder).toHaveValue("", ENDED);
    await stream.readUntil(/event: change\ndata: \{[^\n]*"entity":"slot"/);
    expect(stream.text).toMatch(/"actor":\{"id":"","name":"Remit"\}/);
    expect((await poSlot()).holderId).toBeNull();
    const history = await api<{ groups: { action: string; sentence: string }[] }>(
      "GET",
      `/orgs/${slug}/journal?action=slot.term`,
    );
    expect(history.body.groups.map((group) => group.sentence)).toEqual([
      "The term of the PO of “Checkout” ended as planned: the slot is vacant",
    ]);
    await captureScreens(page, testInfo, "term-ended");
  } finally {
    stream.close();
  }
});
