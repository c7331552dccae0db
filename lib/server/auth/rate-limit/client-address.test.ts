import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress", () => {
  it("believes only what the trusted proxies appended, so a client cannot choose its address", () => {
    // Straight to Next.js, which fills the header in with the socket's address.
    expect(clientAddress(forwarded("203.0.113.7"), 1)).toBe("203.0.113.7");
    // Behind one proxy: whatever the client sent sits to the left of what the proxy appended.
    expect(clientAddress(forwarded("1.2.3.4, 203.0.113.7"), 1)).toBe("203.0.113.7");
    // Behind a CDN and a load balancer.
    expect(clientAddress(forwarded("1.2.3.4, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("takes the left-most entry when there are fewer than the proxies, and says unknown without a header", () => {
    expect(clientAddress(forwarded("203.0.113.7"), 3)).toBe("203.0.113.7");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
    expect(clientAddress(forwarded(" , "), 1)).toBe("unknown");
  });
});
