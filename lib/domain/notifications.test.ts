import { describe, expect, it } from "vitest";
import {
  DEFAULT_EMAIL_MODES,
  digestMail,
  emailModes,
  escapeHtml,
  flagSummarySentence,
  instantMail,
  nextDigestAt,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type TMailItem,
} from "./notifications";

const item = (sentence: string, draftName: string | null = null): TMailItem => ({
  kind: "mention",
  sentence,
  organizationName: "Globex & Co",
  draftName,
  url: "https://remit.example/globex/teams/t1?x=1&y=2",
  at: new Date("2026-12-06T10:00:00Z"),
});

describe("notifications", () => {
  it("sum up a change's flags in one sentence: who did what, then what it raised and resolved", () => {
    const counts = { changes: 1, introduced: 1204, resolved: 32 };
    expect(flagSummarySentence({ actorName: "Ana Ávila", action: "map.import", ...counts })).toBe(
      "Ana Ávila imported a map: 1,204 flags raised, 32 resolved",
    );
    expect(flagSummarySentence({ actorName: "Ana Ávila", action: "duty.update", ...counts, resolved: 0 })).toBe(
      "A change by Ana Ávila: 1,204 flags raised",
    );
    expect(flagSummarySentence({ actorName: "Ana Ávila", action: null, ...counts, changes: 12, introduced: 0 })).toBe(
      "12 changes by Ana Ávila: 32 flags resolved",
    );
    expect(flagSummarySentence({ actorName: null, action: null, changes: 3, introduced: 1, resolved: 1 })).toBe(
      "3 changes: 1 flag raised, 1 resolved",
    );
  });

  it("name, default and label every kind", () => {
    expect(Object.keys(NOTIFICATION_KIND_LABELS).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(Object.keys(DEFAULT_EMAIL_MODES).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it("read a person's choices over the defaults, ignoring kinds and modes that do not exist", () => {
    const modes = emailModes([
      { kind: "mention", email: "off" },
      { kind: "flag.resolved", email: "instant" },
      { kind: "webhook.test", email: "off" },
      { kind: "term.ending", email: "weekly" },
    ]);
    expect(modes.mention).toBe("off");
    expect(modes["flag.resolved"]).toBe("instant");
    expect(modes["term.ending"]).toBe(DEFAULT_EMAIL_MODES["term.ending"]);
    expect(modes).not.toHaveProperty("webhook.test");
  });

  it("send the digest at the next 07:00 UTC", () => {
    expect(nextDigestAt(new Date("2026-12-06T06:59:59Z")).toISOString()).toBe("2026-12-06T07:00:00.000Z");
    expect(nextDigestAt(new Date("2026-12-06T07:00:00Z")).toISOString()).toBe("2026-12-07T07:00:00.000Z");
    expect(nextDigestAt(new Date("2026-12-31T23:00:00Z")).toISOString()).toBe("2027-01-01T07:00:00.000Z");
  });

  it("mail plain text with links, and HTML in which nothing written is markup", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const mail = instantMail(item("Ann wrote <img src=x onerror=alert(1)>\nsecond line", "Plan <b>B</b>"), "https://s");
    expect(mail.subject).toBe("[Remit] Ann wrote <img src=x onerror=alert(1)> second line");
    expect(mail.text).toContain("Globex & Co, in draft “Plan <b>B</b>”");
    expect(mail.text).toContain("Open in Remit: https://remit.example/globex/teams/t1?x=1&y=2");
    expect(mail.html).not.toMatch(/<img|<b>/);
    expect(mail.html).toContain('href="https://remit.example/globex/teams/t1?x=1&amp;y=2"');
  });

  it("gather a digest in order, counted", () => {
    const mail = digestMail([item("One"), item("Two")], "https://s", "https://i");
    expect(mail.subject).toBe("[Remit] Your daily digest: 2 notifications");
    expect(mail.text.indexOf("- One")).toBeLessThan(mail.text.indexOf("- Two"));
    expect(mail.text).toContain("Your inbox: https://i");
    expect(digestMail([item("One")], "s", "i").subject).toBe("[Remit] Your daily digest: 1 notification");
  });
});
