import type { TMapEntityKind } from "./model";
import { SLUG_MAX_LENGTH, slugify, uniqueSlug } from "./slug";

export const KEY_MAX_LENGTH = SLUG_MAX_LENGTH;
/** The shape `slugify` produces: lower-case ASCII letters and digits in words joined by single hyphens. */
export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const KIND_NOUN: Record<TMapEntityKind, string> = { person: "person", team: "team", slot: "slot", duty: "duty" };

/**
 * Whether `key` can name a team, person, duty or slot. Unlike organisation slugs, one-letter keys and words such as
 * "new" are allowed when given explicitly; generated keys still avoid the reserved words (see `makeKey`).
 */
export function isValidKey(key: string): boolean {
  return key.length >= 1 && key.length <= KEY_MAX_LENGTH && KEY_PATTERN.test(key);
}

/**
 * A free key made from a display name: "Checkout Team" -> "checkout-team", then "checkout-team-2" if taken.
 * A name with nothing usable in ASCII falls back to the entity kind ("支付" -> "team").
 */
export function makeKey(kind: TMapEntityKind, name: string, isTaken: (candidate: string) => boolean): string {
  return uniqueSlug(slugify(name) || KIND_NOUN[kind], isTaken);
}

/** Why a key someone typed cannot be used, or null when it can. */
export function checkKey(kind: TMapEntityKind, key: string, isTaken: (candidate: string) => boolean): string | null {
  if (!isValidKey(key)) {
    return `A ${KIND_NOUN[kind]} key uses lower-case letters, digits and single hyphens (like "checkout-eu"), at most ${KEY_MAX_LENGTH} characters.`;
  }
  if (isTaken(key)) {
    const scope = kind === "slot" ? "this team" : "this organisation";
    return `Another ${KIND_NOUN[kind]} in ${scope} already has the key "${key}". Choose a different key.`;
  }
  return null;
}

export type TKeyAllocator = {
  /**
   * `preferred` when it is a valid, free key; otherwise a free key made from `preferred` (or, failing that, `name`)
   * with a numeric suffix if needed. The key returned is taken from then on.
   */
  claim(name: string, preferred?: string | null): string;
  isTaken(key: string): boolean;
};

/** Hands out unique keys within one scope (an organisation's teams, people or duties, or one team's slots). */
export function createKeyAllocator(kind: TMapEntityKind, existing: Iterable<string> = []): TKeyAllocator {
  const taken = new Set(existing);
  const isTaken = (candidate: string) => taken.has(candidate);
  return {
    claim(name, preferred) {
      const key =
        preferred && isValidKey(preferred) && !taken.has(preferred)
          ? preferred
          : makeKey(kind, slugify(preferred ?? "") || name, isTaken);
      taken.add(key);
      return key;
    },
    isTaken,
  };
}
