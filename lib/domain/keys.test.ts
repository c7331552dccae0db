import { describe, expect, it } from "vitest";
import { checkKey, createKeyAllocator, isValidKey, KEY_MAX_LENGTH, makeKey } from "./keys";

const none = () => false;

describe("makeKey", () => {
  it("makes the key from the name", () => {
    expect(makeKey("team", "Checkout EU", none)).toBe("checkout-eu");
    expect(makeKey("slot", "Tech lead", none)).toBe("tech-lead");
  });

  it("adds the first free suffix when the key is taken", () => {
    const taken = new Set(["checkout", "checkout-2"]);
    expect(makeKey("team", "Checkout", (key) => taken.has(key))).toBe("checkout-3");
  });

  it("falls back to the kind of entity when the name has nothing usable", () => {
    expect(makeKey("team", "支付", none)).toBe("team");
    expect(makeKey("person", "  ", none)).toBe("person");
    expect(makeKey("duty", "!!!", (key) => key === "duty")).toBe("duty-2");
  });

  it("steps past words the app's URLs use", () => {
    expect(makeKey("team", "New", none)).toBe("new-2");
  });

  it("always produces a valid key", () => {
    const names = ["Équipe Données", "a", "x".repeat(200), "--", "Ops / SRE", "  Ünïcödé  ", "42"];
    const taken = new Set<string>();
    for (const name of [...names, ...names]) {
      const key = makeKey("person", name, (candidate) => taken.has(candidate));
      expect(isValidKey(key), key).toBe(true);
      expect(taken.has(key)).toBe(false);
      taken.add(key);
    }
  });
});

describe("isValidKey", () => {
  it("accepts slugs, including short ones and words reserved for organisations", () => {
    expect(isValidKey("po")).toBe(true);
    expect(isValidKey("p")).toBe(true);
    expect(isValidKey("new")).toBe(true);
    expect(isValidKey("feature-decisions")).toBe(true);
    expect(isValidKey("a".repeat(KEY_MAX_LENGTH))).toBe(true);
  });

  it("rejects anything slugify would not produce", () => {
    for (const key of ["", "PO", "a--b", "-a", "a-", "a b", "a_b", "é", "a".repeat(KEY_MAX_LENGTH + 1)]) {
      expect(isValidKey(key), key).toBe(false);
    }
  });
});

describe("checkKey", () => {
  it("accepts a valid, free key", () => {
    expect(checkKey("team", "checkout", none)).toBeNull();
  });

  it("explains the shape of a malformed key", () => {
    expect(checkKey("team", "Checkout EU", none)).toMatch(/lower-case letters, digits and single hyphens/);
  });

  it("says where a taken key is already used", () => {
    expect(checkKey("team", "checkout", () => true)).toBe(
      'Another team in this organisation already has the key "checkout". Choose a different key.',
    );
    expect(checkKey("slot", "po", () => true)).toMatch(/in this team/);
  });
});

describe("createKeyAllocator", () => {
  it("uses the preferred key when it is valid and free", () => {
    const keys = createKeyAllocator("team");
    expect(keys.claim("Checkout", "co")).toBe("co");
    expect(keys.isTaken("co")).toBe(true);
  });

  it("suffixes a taken preferred key instead of switching to the name", () => {
    const keys = createKeyAllocator("team", ["co"]);
    expect(keys.claim("Checkout", "co")).toBe("co-2");
  });

  it("slugifies a malformed preferred key, and falls back to the name when nothing is left", () => {
    const keys = createKeyAllocator("team");
    expect(keys.claim("Checkout", "Checkout EU")).toBe("checkout-eu");
    expect(keys.claim("Checkout", "!!")).toBe("checkout");
    expect(keys.claim("Checkout")).toBe("checkout-2");
  });

  it("keeps scopes apart", () => {
    const checkoutSlots = createKeyAllocator("slot");
    const searchSlots = createKeyAllocator("slot");
    expect(checkoutSlots.claim("PO")).toBe("po");
    expect(searchSlots.claim("PO")).toBe("po");
    expect(checkoutSlots.claim("PO")).toBe("po-2");
  });
});
