// Hostile input for every /api/v1 write route: random and adversarial bodies and path params (wrong types, huge
// and odd unicode text, deep nesting, prototype-pollution keys, SQL- and HTML-looking text, other organisations'
// ids, text that is not JSON). Whatever comes in, the answer is a 2xx, or a 4xx with `{ error: { code, message } }`
// and the database as it was. A write route that exists but is missing from FUZZ fails the last test.
// Each runs with a fixed seed and a random one; FUZZ_RUNS and FUZZ_SEED as in lib/server/testing/fuzz.ts.
import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDraft } from "@/lib/server/drafts/drafts";
import { DEFAULT_BODY_LIMIT_BYTES } from "@/lib/server/http/api-route";
import { documentedResponse } from "@/lib/server/testing/contracts";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { MAP_IMPORT_BODY_LIMIT_BYTES } from "@/lib/validation/map";
import { SPREADSHEET_UPLOAD_LIMIT_BYTES } from "@/lib/server/kernel/read-spreadsheet";
import { RULE_IDS } from "@/lib/domain/rules";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import { MAP_CSV_COLUMNS } from "@/lib/domain/map-csv";
import { documentToWorkbook, type TWorkbookSheet } from "@/lib/domain/map-workbook";
import { writeWorkbook, XLSX_TYPE } from "@/lib/server/kernel/read-spreadsheet";
import { filesNamed } from "@/lib/server/testing/files";
import { assertFuzz, FUZZ_RUNS } from "@/lib/server/testing/fuzz";
import { callRoute, sessionCookie, TEST_ORIGIN, type TCredentials } from "@/lib/server/testing/http";
import {
  createApiTokenFor,
  createAssignment,
  createDuty,
  createOrganization,
  createPerson,
  createSlot,
  createTeam,
  createUser,
} from "@/prisma/factories";

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
const ORG = "/api/v1/orgs/[orgSlug]";
/** Sign-ups from these tests use this domain, so that the snapshot can find them. */
const SIGN_UP_DOMAIN = `fuzz-${Date.now().toString(36)}.example.test`;

async function createWorld() {
  const [owner, manager, viewer, guest, outsider] = await Promise.all(
    ["Olivia Owner", "Max Manager", "Vera Viewer", "Gus Guest", "Otto Outsider"].map((name) =>
      createUser(db, { name }),
    ),
  );
  const org = await createOrganization(db, {
    name: "Fuzzed Org",
    members: [
      { userId: owner!.id, role: "OWNER" },
      { userId: manager!.id, role: "MANAGER" },
      { userId: viewer!.id, role: "VIEWER" },
    ],
  });
  const other = await createOrganization(db, { name: "Other Org", members: [{ userId: outsider!.id, role: "OWNER" }] });
  const ownerActor = { kind: "user" as const, userId: owner!.id, email: owner!.email, name: owner!.name };
  const outsiderActor = { kind: "user" as const, userId: outsider!.id, email: outsider!.email, name: outsider!.name };
  const invite = (actor: typeof ownerActor, orgSlug: string, email: string) =>
    createInvitation({ actor, orgSlug, email, role: "VIEWER", origin: TEST_ORIGIN });
  const tokenOf = (invitation: { link: string }) => invitation.link.split("/").pop()!;
  // One map in each organisation: a team with its PO and PM slots, a Tech lead slot held by a person, a duty of its
  // own and one assignment.
  const mapOf = async (organizationId: string) => {
    const team = await createTeam(db, { organizationId, name: "Fuzzed Team" });
    const person = await createPerson(db, { organizationId, name: "Fuzzed Person" });
    const slot = await createSlot(db, { organizationId, teamId: team.id, holderId: person.id });
    const duty = await createDuty(db, { organizationId, name: "Fuzzed duty" });
    await createAssignment(db, { organizationId, slotId: team.slots[0]!.id, dutyId: duty.id });
    const [last] = await db.$queryRaw<{ id: bigint }[]>`
      SELECT max(id) AS id FROM journal_entry WHERE organization_id = ${organizationId}`;
    return { team, person, slot, duty, entryId: String(last!.id) };
  };
  const [ours, theirs] = [await mapOf(org.id), await mapOf(other.id)];
  // A webhook endpoint in each, on an address no delivery reaches.
  const webhookOf = (organizationId: string) =>
    db.webhookEndpoint.create({
      data: {
        id: `wh_fuzz_${organizationId}`,
        organizationId,
        url: "http://192.0.2.1/hook",
        events: ["draft.published"],
        format: "standard",
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        createdByName: "Fuzz",
      },
      select: { id: true },
    });
  // A comment in each, by its Owner.
  const commentOf = async (organizationId: string, teamId: string, author: { id: string; name: string }) => {
    const thread = await db.commentThread.create({
      data: { organizationId, kind: "team", teamId, authorId: author.id },
    });
    return db.comment.create({
      data: { organizationId, threadId: thread.id, authorId: author.id, authorName: author.name, body: "Fuzz me." },
      select: { id: true },
    });
  };
  const [{ draft }, { draft: otherDraft }] = [
    await createDraft({ actor: ownerActor, orgSlug: org.slug, name: "Fuzzed plan" }),
    await createDraft({ actor: outsiderActor, orgSlug: other.slug, name: "Their plan" }),
  ];
  const managerToken = await createApiTokenFor(db, { organizationId: org.id, createdById: owner!.id, role: "MANAGER" });
  const spareToken = await createApiTokenFor(db, { organizationId: org.id, createdById: owner!.id, role: "VIEWER" });
  const otherToken = await createApiTokenFor(db, {
    organizationId: other.id,
    createdById: outsider!.id,
    role: "VIEWER",
  });
  const pending = await invite(ownerActor, org.slug, `pending-${Date.now()}@example.test`);
  const forGuest = await invite(ownerActor, org.slug, guest!.email);
  const otherPending = await invite(outsiderActor, other.slug, `theirs-${Date.now()}@example.test`);
  const credentials: Record<TCaller, TCredentials> = {
    anonymous: null,
    owner: { cookie: await sessionCookie(owner!) },
    guest: { cookie: await sessionCookie(guest!) },
    "manager-token": { bearer: managerToken.secret },
  };
  // Each path param: a value that names something of this organisation, and one of the other organisation.
  const params: Record<string, { ours: string; theirs: string }> = {
    orgSlug: { ours: org.slug, theirs: other.slug },
    teamId: { ours: ours.team.id, theirs: theirs.team.id },
    slotId: { ours: ours.slot.id, theirs: theirs.slot.id },
    personId: { ours: ours.person.id, theirs: theirs.person.id },
    dutyId: { ours: ours.duty.id, theirs: theirs.duty.id },
    draftId: { ours: draft.id, theirs: otherDraft.id },
    entryId: { ours: ours.entryId, theirs: theirs.entryId },
    userId: { ours: viewer!.id, theirs: outsider!.id },
    invitationId: { ours: pending.id, theirs: otherPending.id },
    tokenId: { ours: spareToken.id, theirs: otherToken.id },
    token: { ours: tokenOf(forGuest), theirs: tokenOf(otherPending) },
    webhookId: { ours: (await webhookOf(org.id)).id, theirs: (await webhookOf(other.id)).id },
    commentId: {
      ours: (await commentOf(org.id, ours.team.id, owner!)).id,
      theirs: (await commentOf(other.id, theirs.team.id, outsider!)).id,
    },
  };
  const users = [owner!, manager!, viewer!, guest!, outsider!].map((user) => user.id);
  return { org, other, ours, theirs, users, credentials, params };
}
type TWorld = Awaited<ReturnType<typeof createWorld>>;
type TCaller = "anonymous" | "owner" | "guest" | "manager-token";

// Hostile values.

const NASTY_TEXT = [
  "",
  " ",
  "\t\n",
  "\u0000",
  "name\u0000",
  "\ud800",
  "lone \udc00 low",
  "\u202eevil\u202c",
  "مرحبا بالعالم",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "\ufeffbom",
  "Z̸̢̛a̷l̶g̵o̸",
  "'; DROP TABLE team; --",
  "1' OR '1'='1",
  "<script>window.__xss=1</script>",
  '"><img src=x onerror="window.__xss=1">',
  "__proto__",
  "constructor",
  "prototype",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x10",
  "null",
  "undefined",
  "true",
  "../../etc/passwd",
  "%00",
  "\\u0000",
  "${7*7}",
  "a".repeat(101),
  "a".repeat(10_000),
  "é".repeat(3_000),
  "😀".repeat(2_000),
];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 50 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3_000 }) },
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, -1, 0.5, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2, 5e-324),
);

const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "", " ", "\u0000"),
  fc.string({ maxLength: 20 }),
);

const { hostileValue } = fc.letrec<{ hostileValue: unknown }>((tie) => ({
  hostileValue: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileText,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("hostileValue"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("hostileValue"), { maxKeys: 4 }),
  ),
}));

/** Bodies that are not JSON, or JSON no route expects: tried for every route, then mixed into the random ones. */
const RAW_BODIES = [
  "",
  "   ",
  "{",
  "{}",
  "[]",
  "null",
  "0",
  '"text"',
  "{'name': 'single quotes'}",
  '{"name": "trailing comma",}',
  "NaN",
  "\u0000",
  "\ufeff{}",
  '{"capacity": 1e400, "order": 1e400, "version": -1e400, "allocation": 1e400}',
  '{"name": 123456789012345678901234567890}',
  '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
  '{"name": "dup", "name": {"__proto__": {"polluted": "yes"}}}',
  `{"name": ${"[".repeat(50_000)}${"]".repeat(50_000)}}`,
  `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
  `${"[".repeat(200_000)}${"]".repeat(200_000)}`,
  JSON.stringify([{ name: "an array, not an object" }]),
  JSON.stringify({ name: "x".repeat(500_000) }),
];

// Plausible values, mixed with hostile ones field by field, so that some requests get past validation.

const anyOf = <T>(...values: T[]) => fc.constantFrom(...values);
const name = fc.oneof(fc.constantFrom("Checkout", "Ünïcödé Team", "<b>bold</b>"), fc.string({ minLength: 1 }));
const key = fc.oneof(fc.stringMatching(/^[a-z]{1,8}(-[a-z0-9]{1,4})?$/), anyOf("po", "pm"));
const level = anyOf("accountable", "responsible", "consulted", "informed", null, "ACCOUNTABLE", "r");
const moment = fc.oneof(
  fc
    .date({ min: new Date("1960-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  anyOf("2026-11-28", "yesterday", "0", "9999-12-31T23:59:59Z", "+275760-09-13T00:00:00Z", "2026-02-30T00:00:00Z"),
);
const mapDocumentFields = {
  format: anyOf<unknown>("remit.map/v1", "remit.map/v2", 1),
  duties: fc.array(fc.record({ key, name }), { maxLength: 3 }),
  people: fc.array(fc.record({ key, name, email: anyOf("a@example.test", null, "nope") }), { maxLength: 3 }),
  teams: fc.array(
    fc.record({
      key,
      name,
      slots: fc.array(fc.record({ key, role: anyOf("PO", "PM", "Tech lead"), holder: anyOf(null, "nobody") }), {
        maxLength: 3,
      }),
    }),
    { maxLength: 3 },
  ),
};

type TFields = (world: TWorld) => Record<string, fc.Arbitrary<unknown>>;
type TFuzzEntry = {
  caller: TCaller;
  /** The body's fields with plausible values; left out for routes that read no body. */
  fields?: TFields;
  /** The body size limit, when not the default. */
  limit?: number;
  /** For an upload: multipart/form-data bodies, plausible and hostile (JSON bodies are tried too). */
  upload?: (world: TWorld) => fc.Arbitrary<TLaterBody>;
  /** For a route that reads spreadsheets as its body too: such bodies, plausible and garbled. */
  spreadsheet?: (world: TWorld) => fc.Arbitrary<TLaterBody>;
};

/** An id or key: ours, the other organisation's, or made up. */
const ref = (world: TWorld, param: string, ourKey?: string) =>
  anyOf(world.params[param]!.ours, world.params[param]!.theirs, ourKey ?? "no-such-thing");

/** A CSV cell: a level, a name, or hostile text (quotes, formulas, NULs, huge). */
const csvCell = fc.oneof(
  anyOf("R", "a", "A/R", "Responsible", "", " ", "Product vision", "PO", "Duty", '=HYPERLINK("x")', "+1", "@SUM(A1)"),
  hostileText,
);
const csvText = fc
  .array(fc.array(csvCell, { maxLength: 6 }), { maxLength: 12 })
  .map((rows) => rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(",")).join("\r\n"));
/**
 * A body made when it is sent (a workbook is written asynchronously): bytes with their content type, or a form.
 * `label` says what it is in a failure's report.
 */
type TLaterBody = { label: string; make: () => Promise<{ body: Uint8Array | FormData; contentType?: string }> };
type TBody = string | FormData | TLaterBody | undefined;
const later = (label: string, make: TLaterBody["make"]): TLaterBody => ({ label, make });

/** Bytes as a file's: what they are, or any bytes, or a zip or .xls that is no workbook. */
const garbageFile = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes])),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, ...bytes])),
);

/**
 * A workbook as a spreadsheet would write it, garbled: cells replaced by hostile text, sheets dropped or renamed,
 * then its bytes cut short or flipped (a zip whose parts no longer unpack, or XML that no longer parses).
 */
const garbledWorkbook = (sheets: readonly TWorkbookSheet[]) =>
  fc
    .record({
      cells: fc.array(
        fc.record({ sheet: fc.nat(), row: fc.nat({ max: 40 }), column: fc.nat({ max: 12 }), value: csvCell }),
        {
          maxLength: 8,
        },
      ),
      dropped: fc.array(fc.nat(), { maxLength: 2 }),
      renamed: fc.option(fc.record({ sheet: fc.nat(), name: fc.oneof(anyOf("Assignments", "People", "Teams"), name) })),
      // Mostly whole, so that its cells are read; else cut short, or with bytes flipped.
      cut: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
      ),
      flips: fc.oneof(
        { weight: 2, arbitrary: fc.constant([] as { at: number; byte: number }[]) },
        {
          weight: 2,
          arbitrary: fc.array(
            fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.nat({ max: 255 }) }),
            { minLength: 1, maxLength: 3 },
          ),
        },
      ),
    })
    .map((garbling) => garbled(sheets, garbling));

type TGarbling = {
  cells: { sheet: number; row: number; column: number; value: string }[];
  dropped: number[];
  renamed: { sheet: number; name: string } | null;
  cut: number | null;
  flips: readonly { at: number; byte: number }[];
};

function garbled(sheets: readonly TWorkbookSheet[], garbling: TGarbling): TLaterBody {
  return later(`a garbled workbook ${JSON.stringify(garbling).slice(0, 400)}`, async () => {
    const copy = sheets.map((sheet) => ({ ...sheet, rows: sheet.rows.map((row) => [...row]) }));
    for (const { sheet, row, column, value } of garbling.cells) {
      const target = copy[sheet % copy.length]!;
      (target.rows[row] ??= [])[column] = value;
    }
    if (garbling.renamed) copy[garbling.renamed.sheet % copy.length]!.name = garbling.renamed.name.slice(0, 31);
    const kept = copy.filter((_, index) => !garbling.dropped.some((drop) => drop % copy.length === index));
    let bytes: Uint8Array;
    try {
      bytes = await writeWorkbook(kept);
    } catch {
      // exceljs refuses some sheet names (two alike, characters Excel forbids): send what it can write.
      bytes = await writeWorkbook(sheets);
    }
    if (garbling.cut !== null) bytes = bytes.slice(0, Math.floor(bytes.byteLength * garbling.cut));
    for (const { at, byte } of garbling.flips) {
      if (bytes.byteLength > 0) bytes[Math.floor(at * (bytes.byteLength - 1))] = byte;
    }
    return { body: bytes, contentType: XLSX_TYPE };
  });
}

/** The workbook of a small map, as GET map.xlsx writes it: the start of the garbled ones. */
const MAP_SHEETS = documentToWorkbook(mapToDocument(generateMap({ teams: 2, seed: 26 })));
/** The map's workbook with a byte changed here and there: a part that no longer unpacks, XML that no longer parses. */
const FLIPPED_MAP_WORKBOOKS = Array.from({ length: 9 }, (_, index) =>
  garbled(MAP_SHEETS, {
    cells: [],
    dropped: [],
    renamed: null,
    cut: null,
    flips: [{ at: (index + 1) / 10, byte: 0x55 }],
  }),
);

/** A RACI sheet as a workbook: a title, the header, levels. */
const RACI_SHEETS: TWorkbookSheet[] = [
  {
    name: "Checkout",
    rows: [["Who does what"], ["Duty", "PO", "PM"], ["Product vision", "A", "R"], ["Roadmap", "r", "A/R"]],
  },
  { name: "Other", rows: [["Duty", "Designer"]] },
];

/** A body for PUT map in a spreadsheet: the workbook of GET map.xlsx garbled, the CSV of GET map.csv, or garbage. */
const mapSpreadsheet = (w: TWorld) => {
  const cell = (ours: string) =>
    fc.oneof({ weight: 3, arbitrary: fc.constant(ours) }, { weight: 1, arbitrary: csvCell });
  const line = fc
    .tuple(
      cell("Fuzzed Team"),
      cell(w.ours.team.key),
      cell("Fuzzed duty"),
      cell(w.ours.duty.key),
      cell("PO"),
      cell(""),
      cell(w.ours.team.slots[0]!.key),
      cell(""),
      fc.oneof(cell(w.ours.person.key), fc.constant("")),
      fc.oneof(
        level.map((value) => value ?? ""),
        csvCell,
      ),
    )
    .map((cells) => cells.map((value) => `"${value.replace(/"/g, '""')}"`).join(","));
  const csv = fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: fc.constant(MAP_CSV_COLUMNS.join(",")) }, { weight: 1, arbitrary: csvText }),
      fc.array(line, { maxLength: 6 }),
    )
    .map(([header, lines]) => [header, ...lines].join("\r\n"));
  const bytesAs = (contentType: string) => (bytes: Uint8Array) =>
    later(`${bytes.byteLength} bytes as ${contentType}`, async () => ({ body: bytes, contentType }));
  return fc.oneof(
    { weight: 4, arbitrary: garbledWorkbook(MAP_SHEETS) },
    {
      weight: 3,
      arbitrary: csv.map((text) =>
        later(`CSV: ${text.slice(0, 400)}`, async () => ({
          body: new TextEncoder().encode(text),
          contentType: "text/csv",
        })),
      ),
    },
    { weight: 1, arbitrary: garbageFile.map(bytesAs(XLSX_TYPE)) },
    { weight: 1, arbitrary: garbageFile.map(bytesAs("text/csv")) },
  );
};

/**
 * A RACI sheet upload: a CSV of levels and hostile cells, a workbook (garbled or not), bytes of no format, or a zip
 * or .xls that is no workbook.
 */
const raciUpload = (w: TWorld) =>
  fc
    .record({
      file: fc.oneof(
        csvText.map((text) => new TextEncoder().encode(`Duty,PO,PM\r\nProduct vision,A,R\r\n${text}`)),
        garbageFile,
        garbledWorkbook(RACI_SHEETS),
      ),
      options: fc.option(
        fc.oneof(
          fc
            .record(
              {
                sheet: fc.oneof(anyOf("CSV", "Sheet1"), hostileText),
                columns: fc.dictionary(
                  fc.oneof(anyOf("B", "C", "D"), hostileKey),
                  fc.oneof(
                    anyOf("new", "skip"),
                    ref(w, "slotId", "po").map((slotId) => ({ slotId })),
                    hostileValue,
                  ),
                  { maxKeys: 3 },
                ),
                rows: fc.dictionary(
                  fc.oneof(anyOf("2", "3", "0"), hostileKey),
                  fc.oneof(
                    anyOf("new", "skip"),
                    ref(w, "dutyId", "vision").map((dutyId) => ({ dutyId })),
                    hostileValue,
                  ),
                  { maxKeys: 3 },
                ),
                apply: fc.oneof(fc.boolean(), hostileValue),
              },
              { requiredKeys: [] },
            )
            .map((options) => JSON.stringify(options)),
          hostileText,
        ),
      ),
    })
    .map(({ file, options }) => {
      const form = async (bytes: Uint8Array) => {
        const made = new FormData();
        made.set("file", new Blob([new Uint8Array(bytes)]), "sheet.csv");
        if (options !== null) made.set("options", options);
        return made;
      };
      return file instanceof Uint8Array
        ? later(`a form of a ${file.byteLength}-byte file, options ${String(options).slice(0, 300)}`, async () => ({
            body: await form(file),
          }))
        : later(`a form of ${file.label}, options ${String(options).slice(0, 300)}`, async () => ({
            body: await form((await file.make()).body as Uint8Array),
          }));
    });

const teamFields: TFields = () => ({ name, key, description: fc.oneof(name, fc.constant(null)) });
const personFields: TFields = () => ({
  name,
  key,
  email: anyOf("ada@example.test", "ADA@EXAMPLE.TEST", null, "not an email"),
  capacity: anyOf(0, 0.5, 1, 10, 11),
});
const slotFields: TFields = (w) => ({
  role: anyOf("PO", "PM", "Tech lead", "Designer"),
  key,
  title: fc.oneof(name, fc.constant(null)),
  holderId: fc.oneof(ref(w, "personId", w.ours.person.key), fc.constant(null)),
  allocation: anyOf(0.1, 0.5, 1, 0, 2),
});
/** A slot's terms, for a PATCH: moments past, future and malformed, a next holder of either organisation. */
const termFields: TFields = (w) => ({
  holderUntil: fc.oneof(moment, fc.constant(null), fc.constant(new Date(Date.now() + 86_400_000).toISOString())),
  nextHolderId: fc.oneof(ref(w, "personId", w.ours.person.key), fc.constant(null)),
  nextHolderFrom: fc.oneof(moment, fc.constant(null), fc.constant(new Date(Date.now() + 2 * 86_400_000).toISOString())),
});
const dutyFields: TFields = () => ({ name, key, description: name, required: fc.boolean() });
const draftFields: TFields = () => ({ name, description: fc.oneof(name, fc.constant(null)) });
const ruleChangesFields: TFields = (w) => ({
  rules: fc.array(
    fc.record(
      {
        id: anyOf<unknown>(...RULE_IDS, "no_such_rule", 3),
        severity: anyOf<unknown>("error", "warning", "info", "off", "on", "ERROR", null),
        params: anyOf<unknown>(
          { max: 2 },
          { max: 0 },
          { max: "2" },
          { tolerance: 0.1 },
          { lean: { vision: "PM" } },
          [],
        ),
        exemptTeams: anyOf<unknown>([], [w.ours.team.key], [w.theirs.team.key], "all"),
      },
      { requiredKeys: ["id"] },
    ),
    { maxLength: 3 },
  ),
});

const FUZZ: Record<string, TFuzzEntry> = {
  "POST /api/v1/signup": {
    caller: "anonymous",
    fields: () => ({
      name,
      email: fc.stringMatching(/^[a-z]{1,10}$/).map((local) => `${local}@${SIGN_UP_DOMAIN}`),
      password: fc.oneof(anyOf("a fine long passphrase", "password123"), fc.string({ minLength: 10 })),
    }),
  },
  "POST /api/v1/orgs": {
    caller: "owner",
    fields: () => ({ name, slug: fc.oneof(fc.stringMatching(/^fz-[a-z0-9]{2,12}$/), anyOf("new", "api", "A b")) }),
  },
  "POST /api/v1/invitations/[token]/accept": { caller: "guest" },
  "POST /api/v1/notifications/read": {
    caller: "owner",
    fields: () => ({
      ids: fc.oneof(
        fc.array(fc.oneof(hostileText, anyOf("ntf_nope", "")), { maxLength: 3 }),
        anyOf<unknown>([], "all", null),
      ),
      all: anyOf<unknown>(true, false, "true", null),
    }),
  },
  "PATCH /api/v1/me/notification-settings": {
    caller: "owner",
    fields: () => ({
      email: fc.oneof(
        fc.dictionary(
          fc.oneof(anyOf("mention", "flag.introduced", "term.ending", "webhook.test", "__proto__"), hostileText),
          anyOf<unknown>("instant", "daily", "off", "weekly", "INSTANT", null, 1),
        ),
        anyOf<unknown>("off", null, []),
      ),
    }),
  },

  [`PATCH ${ORG}/members/[userId]`]: {
    caller: "owner",
    fields: () => ({ role: anyOf("OWNER", "MANAGER", "VIEWER", "owner", "ADMIN") }),
  },
  [`DELETE ${ORG}/members/[userId]`]: { caller: "owner" },
  [`POST ${ORG}/invitations`]: {
    caller: "owner",
    fields: () => ({
      email: fc.oneof(fc.emailAddress(), anyOf("someone@example.test", "no-at-sign")),
      role: anyOf("OWNER", "MANAGER", "VIEWER", "viewer"),
    }),
  },
  [`DELETE ${ORG}/invitations/[invitationId]`]: { caller: "owner" },
  [`POST ${ORG}/tokens`]: { caller: "owner", fields: () => ({ name, role: anyOf("MANAGER", "VIEWER", "OWNER") }) },
  [`DELETE ${ORG}/tokens/[tokenId]`]: { caller: "owner" },
  [`POST ${ORG}/teams`]: { caller: "manager-token", fields: teamFields },
  [`PATCH ${ORG}/teams/[teamId]`]: { caller: "manager-token", fields: teamFields },
  [`DELETE ${ORG}/teams/[teamId]`]: { caller: "manager-token" },
  [`POST ${ORG}/teams/[teamId]/slots`]: { caller: "manager-token", fields: slotFields },
  [`PATCH ${ORG}/teams/[teamId]/slots/[slotId]`]: {
    caller: "manager-token",
    fields: (w) => ({ ...slotFields(w), ...termFields(w), order: anyOf(0, 1, 2, 99, -1, 1.5) }),
  },
  [`DELETE ${ORG}/teams/[teamId]/slots/[slotId]`]: { caller: "manager-token" },
  [`PUT ${ORG}/teams/[teamId]/assignments`]: {
    caller: "manager-token",
    fields: (w) => ({
      dutyId: ref(w, "dutyId", "vision"),
      slotId: fc.oneof(ref(w, "slotId", "po"), anyOf(w.ours.team.slots[1]!.id)),
      level,
      version: anyOf(0, 1, 2, 2_147_483_648, -1, 0.5),
    }),
  },
  [`POST ${ORG}/teams/[teamId]/apply-split`]: { caller: "manager-token" },
  [`POST ${ORG}/teams/[teamId]/raci-import`]: {
    caller: "manager-token",
    upload: raciUpload,
    limit: SPREADSHEET_UPLOAD_LIMIT_BYTES,
  },
  [`POST ${ORG}/teams/[teamId]/restore`]: { caller: "manager-token", fields: () => ({ at: moment }) },
  [`POST ${ORG}/people`]: { caller: "manager-token", fields: personFields },
  [`PATCH ${ORG}/people/[personId]`]: { caller: "manager-token", fields: personFields },
  [`DELETE ${ORG}/people/[personId]`]: { caller: "manager-token" },
  [`POST ${ORG}/duties`]: { caller: "manager-token", fields: dutyFields },
  [`PATCH ${ORG}/duties/[dutyId]`]: {
    caller: "manager-token",
    fields: (w) => ({ ...dutyFields(w), order: anyOf(0, 3, 1_000, -1) }),
  },
  [`DELETE ${ORG}/duties/[dutyId]`]: { caller: "manager-token" },
  [`POST ${ORG}/drafts`]: {
    caller: "manager-token",
    fields: (w) => ({ ...draftFields(w), from: ref(w, "draftId") }),
  },
  [`PATCH ${ORG}/drafts/[draftId]`]: { caller: "manager-token", fields: draftFields },
  [`POST ${ORG}/plans`]: {
    caller: "manager-token",
    fields: (w) => ({
      clear: anyOf<unknown>("errors", "errors_and_warnings", "everything", null),
      lockedTeams: anyOf<unknown>([], [w.ours.team.key], [w.theirs.team.key], ["no-such-team"], "all"),
      lockedPeople: anyOf<unknown>([], ["nobody"], [""], {}),
      onlyTeams: anyOf<unknown>([w.ours.team.key], []),
      maxChanges: anyOf<unknown>(1, 3, 0, -1, 1.5, "2"),
      allowHolderChanges: anyOf<unknown>(true, false, "yes"),
      timeLimitSeconds: anyOf<unknown>(1, 2, 0, 61, "5"),
      from: ref(w, "draftId"),
    }),
  },
  [`DELETE ${ORG}/drafts/[draftId]`]: { caller: "manager-token" },
  [`PUT ${ORG}/drafts/[draftId]/map`]: {
    caller: "manager-token",
    fields: () => mapDocumentFields,
    spreadsheet: mapSpreadsheet,
    limit: MAP_IMPORT_BODY_LIMIT_BYTES,
  },
  [`POST ${ORG}/drafts/[draftId]/publish`]: {
    caller: "manager-token",
    fields: () => ({
      choices: fc.dictionary(
        fc.oneof(anyOf("team:x", "slot:y", "assignment:a:b"), hostileText),
        anyOf("live", "draft"),
      ),
    }),
  },
  [`POST ${ORG}/drafts/[draftId]/schedule`]: { caller: "manager-token", fields: () => ({ at: moment }) },
  [`DELETE ${ORG}/drafts/[draftId]/schedule`]: { caller: "manager-token" },
  [`POST ${ORG}/drafts/[draftId]/submit`]: {
    caller: "manager-token",
    fields: (w) => ({ reviewers: fc.array(fc.oneof(fc.constantFrom(...w.users), hostileText), { maxLength: 4 }) }),
  },
  [`POST ${ORG}/drafts/[draftId]/reviews`]: {
    caller: "owner",
    fields: () => ({
      decision: anyOf("approve", "request_changes", "reject", null),
      comment: fc.oneof(name, hostileText),
    }),
  },
  [`PATCH ${ORG}/settings`]: {
    caller: "owner",
    fields: () => ({
      approvalsRequired: anyOf<unknown>(0, 1, 2, -1, 1.5, 1_000, "2"),
      viewersMayComment: anyOf<unknown>(true, false, "yes"),
    }),
  },
  [`POST ${ORG}/webhooks`]: {
    caller: "owner",
    fields: () => ({
      url: fc.oneof(fc.webUrl(), anyOf("http://127.0.0.1/hook", "ftp://example.test", "https://example.test/hook")),
      events: fc.array(anyOf("flag.introduced", "draft.published", "term.ending", "nope"), { maxLength: 3 }),
      format: anyOf("standard", "slack", "xml"),
    }),
  },
  [`DELETE ${ORG}/webhooks/[webhookId]`]: { caller: "owner" },
  [`POST ${ORG}/comments`]: {
    caller: "owner",
    fields: (w) => ({
      target: fc.oneof(
        fc.record({ kind: anyOf("team", "cell", "draft", "page"), teamId: ref(w, "teamId") }),
        fc.record({
          kind: anyOf("cell"),
          teamId: ref(w, "teamId"),
          dutyId: ref(w, "dutyId"),
          slotId: ref(w, "slotId"),
        }),
        fc.record({ kind: anyOf("draft", "cell"), draftId: ref(w, "draftId") }),
        hostileText,
      ),
      threadId: fc.oneof(hostileText, anyOf("no-such-thread")),
      body: fc.oneof(name, hostileText, anyOf("@Olivia Owner hello", "", " ", "x".repeat(5001))),
    }),
  },
  [`PATCH ${ORG}/comments/[commentId]`]: {
    caller: "owner",
    fields: () => ({ body: fc.oneof(name, hostileText, anyOf("", "x".repeat(5001))) }),
  },
  [`DELETE ${ORG}/comments/[commentId]`]: { caller: "owner" },
  [`POST ${ORG}/comments/[commentId]/resolve`]: { caller: "owner" },
  [`POST ${ORG}/comments/[commentId]/reopen`]: { caller: "owner" },
  [`POST ${ORG}/webhooks/[webhookId]/test`]: { caller: "owner" },
  [`POST ${ORG}/journal/[entryId]/undo`]: { caller: "manager-token" },
  [`PATCH ${ORG}/rules`]: { caller: "manager-token", fields: ruleChangesFields },
  [`POST ${ORG}/rules/preview`]: { caller: "manager-token", fields: ruleChangesFields },
  [`PUT ${ORG}/map`]: {
    caller: "manager-token",
    fields: () => mapDocumentFields,
    spreadsheet: mapSpreadsheet,
    limit: MAP_IMPORT_BODY_LIMIT_BYTES,
  },
  [`POST ${ORG}/presence`]: {
    caller: "owner",
    fields: () => ({
      clientId: anyOf("tab-12345678", "short", "x".repeat(65)),
      path: anyOf("/", "/somewhere", "javascript:alert(1)"),
      focus: anyOf(null, "duty:slot", "a:b:c"),
      isHere: fc.boolean(),
    }),
  },
};

const ENTRIES = Object.entries(FUZZ).map(([label, entry]) => {
  const [method, route] = label.split(" ") as [string, string];
  return { label, method, route, ...entry };
});
type TRouteEntry = (typeof ENTRIES)[number];

const paramNames = (route: string) => [...route.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!);

const validParams = (world: TWorld, route: string) =>
  Object.fromEntries(paramNames(route).map((param) => [param, world.params[param]!.ours]));

/** Mostly the right ids, so that bodies get looked at; else the other organisation's, or anything at all. */
function paramsArbitrary(world: TWorld, route: string): fc.Arbitrary<Record<string, string>> {
  const arbitraries = paramNames(route).map((param) => {
    const { ours, theirs } = world.params[param]!;
    return [
      param,
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(ours) },
        { weight: 1, arbitrary: fc.constant(theirs) },
        { weight: 2, arbitrary: hostileText },
      ),
    ] as const;
  });
  return fc.record(Object.fromEntries(arbitraries));
}

/**
 * The request's body as sent: JSON of a plausible or hostile shape, text that is not JSON, or none; an upload's
 * form, or a spreadsheet, for the routes that take one.
 */
function bodyArbitrary(world: TWorld, entry: TRouteEntry): fc.Arbitrary<TBody> {
  const json = jsonBodyArbitrary(world, entry);
  if (entry.upload) return fc.oneof({ weight: 4, arbitrary: entry.upload(world) }, { weight: 1, arbitrary: json });
  if (entry.spreadsheet) {
    return fc.oneof({ weight: 3, arbitrary: entry.spreadsheet(world) }, { weight: 2, arbitrary: json });
  }
  return json;
}

function jsonBodyArbitrary(world: TWorld, entry: TRouteEntry): fc.Arbitrary<string | undefined> {
  const fields = Object.entries(entry.fields?.(world) ?? {}).map(
    ([field, plausible]) =>
      [field, fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: hostileValue })] as const,
  );
  // Every field, or some of them; each plausible or hostile.
  const shaped = fc.oneof(
    fc.record(Object.fromEntries(fields)),
    fc.record(Object.fromEntries(fields), { requiredKeys: [] }),
  );
  const withExtraFields = fc
    .tuple(shaped, fc.dictionary(hostileKey, hostileValue, { minKeys: 1, maxKeys: 2 }))
    .map(([body, extra]) => ({ ...extra, ...body }));
  // JSON.parse makes "__proto__" an own field; a careless merge would make it the prototype.
  const polluting = shaped.map((body) => {
    const rest = JSON.stringify(body).slice(1);
    return `{"__proto__":{"polluted":"yes"}${rest === "}" ? "" : ","}${rest}`;
  });
  return fc.oneof(
    { weight: 5, arbitrary: shaped.map((body) => JSON.stringify(body)) },
    { weight: 2, arbitrary: withExtraFields.map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: polluting },
    { weight: 2, arbitrary: hostileValue.map((value) => JSON.stringify(value) ?? "") },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** The emails a sign-up or invitation body names, so that the snapshot can tell whether one was stored. */
function emailsIn(body: TBody): string[] {
  if (typeof body !== "string") return [];
  try {
    const email = (JSON.parse(body ?? "") as { email?: unknown } | null)?.email;
    // Text with NUL cannot be stored, nor looked up.
    return typeof email === "string" && !email.includes("\u0000") ? [email, email.trim().toLowerCase()] : [];
  } catch {
    return [];
  }
}

function digest(rows: unknown): string {
  const text = JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
  return `${Array.isArray(rows) ? rows.length : rows}:${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}

/**
 * Everything a refused request must leave as it was, as a count and a hash per table: both organisations, their
 * drafts' workspaces, the world's users' memberships, and users that a sign-up could have made.
 */
async function snapshot(world: TWorld, emails: string[]) {
  const liveIds = [world.org.id, world.other.id];
  const organizations = await db.organization.findMany({
    where: { OR: [{ id: { in: liveIds } }, { draftOfId: { in: liveIds } }] },
    orderBy: { id: "asc" },
  });
  const organizationId = { in: organizations.map((organization) => organization.id) };
  const where = { organizationId };
  const orderBy = { id: "asc" } as const;
  const tables = {
    organizations,
    memberships: await db.membership.findMany({
      where: { OR: [{ organizationId }, { userId: { in: world.users } }] },
      orderBy,
    }),
    invitations: await db.invitation.findMany({ where, orderBy }),
    // Using a token stamps lastUsedAt; that is not a change the request made.
    tokens: (await db.apiToken.findMany({ where, orderBy })).map(
      ({ lastUsedAt: _used, updatedAt: _updated, ...token }) => token,
    ),
    drafts: await db.draft.findMany({ where, orderBy }),
    teams: await db.team.findMany({ where, orderBy }),
    people: await db.person.findMany({ where, orderBy }),
    slots: await db.slot.findMany({ where, orderBy }),
    duties: await db.duty.findMany({ where, orderBy }),
    assignments: await db.assignment.findMany({ where, orderBy }),
    rules: await db.rule.findMany({ where, orderBy }),
    users: await db.user.findMany({
      where: { OR: [{ email: { endsWith: `@${SIGN_UP_DOMAIN}` } }, { email: { in: emails } }] },
      orderBy,
    }),
    journal: await db.journalEntry.count({ where }),
    // A person's own: their inbox and their email settings.
    notifications: await db.notification.findMany({ where: { userId: { in: world.users } }, orderBy }),
    notificationSettings: await db.notificationSetting.findMany({
      where: { userId: { in: world.users } },
      orderBy: [{ userId: "asc" }, { kind: "asc" }],
    }),
  };
  return Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, digest(rows)]));
}

async function loadHandler(route: string, method: string) {
  const file = path.join(process.cwd(), "app", route, "route.ts");
  const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  return routeModule[method] as Parameters<typeof callRoute>[0];
}

// zod's own messages ("Invalid input: expected string, received number") say what broke, not what to send.
const ZOD_DEFAULT_MESSAGE =
  /^(Invalid input|Invalid (key|option|element|string|value)|Too (small|big)|Unrecognized key)/;

/**
 * A refusal: a 4xx whose body is `{ error: { code, message } }` with a message a person can read, and field
 * errors (if any) in Remit's words rather than zod's.
 */
function expectRefusal(response: { status: number; body: unknown }, what: string) {
  expect(response.status, what).toBeGreaterThanOrEqual(400);
  expect(response.status, what).toBeLessThan(500);
  const error = (
    response.body as { error?: { code?: unknown; message?: unknown; fields?: Record<string, string[]> } } | null
  )?.error;
  expect(typeof error?.code, what).toBe("string");
  expect(typeof error?.message, what).toBe("string");
  expect(String(error?.message).trim(), what).not.toBe("");
  const messages = Object.values(error?.fields ?? {}).flat();
  expect(
    messages.filter((message) => ZOD_DEFAULT_MESSAGE.test(message)),
    what,
  ).toEqual([]);
}

const shorten = (body: TBody | Uint8Array): string => {
  if (body instanceof Uint8Array) return `${body.byteLength} bytes`;
  if (typeof body === "object" && !(body instanceof FormData)) return body.label;
  if (!(body instanceof FormData)) return shortenText(body);
  const parts = [...body.entries()].map(([name, value]) =>
    typeof value === "string" ? `${name}=${shortenText(value)}` : `${name}: a file of ${value.size} bytes`,
  );
  return `a form (${parts.join("; ")})`;
};
const shortenText = (text: string | undefined) =>
  text === undefined ? "(no body)" : text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;

describe.each(ENTRIES)("$label", (entry) => {
  it("answers hostile input with a 2xx, or a 4xx with a message and nothing changed", async () => {
    const world = await createWorld();
    const handler = await loadHandler(entry.route, entry.method);
    const credentials = world.credentials[entry.caller];
    const property = fc.asyncProperty(
      paramsArbitrary(world, entry.route),
      bodyArbitrary(world, entry),
      async (params, body) => {
        const emails = emailsIn(body);
        const before = await snapshot(world, emails);
        const made = typeof body === "object" && !(body instanceof FormData) ? await body.make() : null;
        const response = await callRoute(handler, {
          method: entry.method,
          params,
          body: made ? made.body : body,
          credentials,
          headers: made?.contentType ? { "content-type": made.contentType } : {},
        });
        const what = `${response.status} ${JSON.stringify(response.body)?.slice(0, 500)} for params ${JSON.stringify(
          params,
        ).slice(0, 300)} and body ${shorten(body)}`;
        expect(Object.prototype, "Object.prototype was polluted").not.toHaveProperty("polluted");
        // Every answer is one the OpenAPI document lists, in the shape it gives.
        const documented = documentedResponse(entry.method, entry.route, response.status);
        expect(documented, `an answer the OpenAPI document does not list: ${what}`).toBeDefined();
        expect(documented?.schema?.safeParse(response.body).error?.issues ?? [], what).toEqual([]);
        if (response.status < 300) return;
        expectRefusal(response, what);
        expect(await snapshot(world, emails), what).toEqual(before);
      },
    );
    // Every raw body once (and for a route that reads spreadsheets, workbooks damaged here and there), at the
    // right address; then random requests.
    const raw: TBody[] = entry.fields ? RAW_BODIES : RAW_BODIES.slice(0, 4);
    const examples = [...raw, ...(entry.spreadsheet ? FLIPPED_MAP_WORKBOOKS : [])].map(
      (body) => [validParams(world, entry.route), body] as [Record<string, string>, TBody],
    );
    await assertFuzz(property, { examples });
  }, 240_000);

  it("answers 413 for a body over its size limit, with nothing changed", async () => {
    const world = await createWorld();
    const handler = await loadHandler(entry.route, entry.method);
    const credentials = world.credentials[entry.caller];
    const params = validParams(world, entry.route);
    const limit = entry.limit ?? DEFAULT_BODY_LIMIT_BYTES;
    const body = JSON.stringify({ name: "a".repeat(limit) });
    const before = await snapshot(world, []);

    // With its length declared, as most clients send it.
    const declared = await callRoute(handler, {
      method: entry.method,
      params,
      body,
      credentials,
      headers: { "content-length": String(Buffer.byteLength(body)) },
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(413);
    expect(documentedResponse(entry.method, entry.route, 413), "413 is not in the OpenAPI document").toBeDefined();
    expectRefusal(declared, "declared length");

    // Streamed without a declared length (chunked): counted while it is read, by the routes that read a body.
    if (entry.fields) {
      const response = await handler(streamedRequest(entry.method, body, credentials), {
        params: Promise.resolve(params),
      });
      expect(response.status).toBe(413);
      expectRefusal({ status: response.status, body: await response.json() }, "streamed");
    }
    expect(await snapshot(world, [])).toEqual(before);
  }, 60_000);
});

/** A same-origin request whose body arrives in chunks, with no Content-Length. */
function streamedRequest(method: string, body: string, credentials: TCredentials): Request {
  const bytes = new TextEncoder().encode(body);
  const chunkSize = 256 * 1024;
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
  const headers = new Headers({
    host: new URL(TEST_ORIGIN).host,
    origin: TEST_ORIGIN,
    "content-type": "application/json",
  });
  if (credentials?.cookie) headers.set("cookie", credentials.cookie);
  if (credentials?.bearer) headers.set("authorization", `Bearer ${credentials.bearer}`);
  return new Request(`${TEST_ORIGIN}/api/v1`, { method, headers, body: stream, duplex: "half" } as RequestInit);
}

// The query parameters that some read route takes, and a few that none does.
const QUERY_KEYS = [
  "at",
  "teamId",
  "personId",
  "part",
  "actorId",
  "kind",
  "action",
  "from",
  "to",
  "cursor",
  "limit",
  "with",
  "__proto__",
  "constructor",
  "x",
];

/** Every /api/v1 route that answers GET, as app-relative paths. */
async function readRoutes(): Promise<string[]> {
  const appDir = path.join(process.cwd(), "app");
  const routes: string[] = [];
  for (const file of filesNamed(path.join(appDir, "api", "v1"), "route.ts")) {
    const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    if (typeof routeModule.GET === "function") {
      routes.push(`/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`);
    }
  }
  return routes.sort();
}

describe("every read route", () => {
  it("answers hostile query strings and ids with a 2xx or a 4xx with a message, never a 5xx", async () => {
    const world = await createWorld();
    const routes = await readRoutes();
    const plausible = fc.constantFrom(
      world.ours.team.id,
      world.theirs.team.id,
      world.ours.person.id,
      "live",
      "people",
      "roster",
      "2026-01-01T00:00:00Z",
      "50",
      "-1",
    );
    const query = fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.oneof(plausible, hostileText, fc.constant("")), {
      maxKeys: 4,
    });
    const property = fc.asyncProperty(
      fc.constantFrom(...routes).chain((route) => fc.tuple(fc.constant(route), paramsArbitrary(world, route), query)),
      async ([route, params, values]) => {
        const handler = await loadHandler(route, "GET");
        const search = new URLSearchParams();
        for (const [name, value] of Object.entries(values)) search.append(name, value);
        const response = await callRoute(handler, {
          path: `/api/v1?${search.toString()}`,
          params,
          credentials: world.credentials.owner,
        });
        const what = `${response.status} ${JSON.stringify(response.body)?.slice(0, 300)} for GET ${route} with ${JSON.stringify(
          params,
        ).slice(0, 200)} ?${shorten(search.toString())}`;
        if (response.status >= 300) expectRefusal(response, what);
      },
    );
    await assertFuzz(property, { numRuns: FUZZ_RUNS * 10 });
  }, 240_000);
});

describe("the hostile-input list", () => {
  it("covers every /api/v1 write route and method", async () => {
    const appDir = path.join(process.cwd(), "app");
    const found: string[] = [];
    for (const file of filesNamed(path.join(appDir, "api", "v1"), "route.ts")) {
      const route = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`;
      const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const method of WRITE_METHODS) {
        if (typeof routeModule[method] === "function") found.push(`${method} ${route}`);
      }
    }
    expect(Object.keys(FUZZ).sort()).toEqual(found.sort());
  });
});
