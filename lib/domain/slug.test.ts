import { describe, expect, it } from "vitest";
import { isValidSlug, slugify, uniqueSlug, SLUG_MAX_LENGTH } from "./slug";

describe("slugify", () => {
  it("lower-cases and joins words with single hyphens", () => {
    expect(slugify("  Checkout  Team ")).toBe("checkout-team");
    expect(slugify("Search & Discovery / EU")).toBe("search-discovery-eu");
  });

  it("folds accents and drops what cannot be spelled in ASCII", () => {
    expect(slugify("Équipe Données")).toBe("equipe-donnees");
    expect(slugify("支付")).toBe("");
  });

  it("never ends with a hyphen after truncation", () => {
    const slug = slugify(`${"a".repeat(SLUG_MAX_LENGTH - 1)} b`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("isValidSlug", () => {
  it("accepts what slugify produces", () => {
    expect(isValidSlug(slugify("Acme Product Group"))).toBe(true);
  });

  it("rejects reserved, malformed and too short slugs", () => {
    expect(isValidSlug("api")).toBe(false);
    expect(isValidSlug("sign-in")).toBe(false);
    expect(isValidSlug("Acme")).toBe(false);
    expect(isValidSlug("a--b")).toBe(false);
    expect(isValidSlug("-acme")).toBe(false);
    expect(isValidSlug("a")).toBe(false);
  });
});

describe("uniqueSlug", () => {
  it("returns the base when it is free", () => {
    expect(uniqueSlug("checkout", () => false)).toBe("checkout");
  });

  it("adds the first free numeric suffix", () => {
    const taken = new Set(["checkout", "checkout-2"]);
    expect(uniqueSlug("checkout", (candidate) => taken.has(candidate))).toBe("checkout-3");
  });

  it("keeps suffixed slugs within the maximum length", () => {
    const base = "x".repeat(SLUG_MAX_LENGTH);
    const result = uniqueSlug(base, (candidate) => candidate === base);
    expect(result).toHaveLength(SLUG_MAX_LENGTH);
    expect(result.endsWith("-2")).toBe(true);
  });

  it("steps past reserved words", () => {
    expect(uniqueSlug("api", () => false)).toBe("api-2");
  });
});
