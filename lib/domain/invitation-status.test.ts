import { describe, expect, it } from "vitest";
import { invitationStatus } from "./invitation-status";

const now = new Date("2026-11-28T12:00:00Z");
const later = new Date("2026-12-01T12:00:00Z");
const earlier = new Date("2026-11-20T12:00:00Z");

describe("invitationStatus", () => {
  it("is pending until it expires", () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("pending");
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
  });

  it("reports acceptance before revocation and expiry", () => {
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: earlier, expiresAt: earlier }, now)).toBe("accepted");
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe("revoked");
  });
});
