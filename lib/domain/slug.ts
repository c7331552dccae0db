/** Paths that an organisation slug would shadow, because the app uses them itself. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "api",
  "app",
  "admin",
  "auth",
  "invitations",
  "new",
  "notifications",
  "o",
  "orgs",
  "settings",
  "sign-in",
  "sign-out",
  "sign-up",
  "static",
  "_next",
]);

export const SLUG_MAX_LENGTH = 48;

/**
 * A URL-safe key made from a display name: lower case ASCII letters, digits and single hyphens.
 * Accents are folded ("Équipe" -> "equipe"); other characters separate words. Empty when nothing usable remains.
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, "");
}

/** Whether a slug has the shape slugify produces and is not reserved. */
export function isValidSlug(slug: string): boolean {
  return (
    slug.length >= 2 &&
    slug.length <= SLUG_MAX_LENGTH &&
    /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) &&
    !RESERVED_SLUGS.has(slug)
  );
}

/** The first of `base`, `base-2`, `base-3`, ... that `isTaken` rejects, for unique keys within a scope. */
export function uniqueSlug(base: string, isTaken: (candidate: string) => boolean): string {
  const root = base || "item";
  if (!isTaken(root) && !RESERVED_SLUGS.has(root)) return root;
  for (let suffix = 2; ; suffix++) {
    const tail = `-${suffix}`;
    const candidate = `${root.slice(0, SLUG_MAX_LENGTH - tail.length).replace(/-+$/g, "")}${tail}`;
    if (!isTaken(candidate)) return candidate;
  }
}
