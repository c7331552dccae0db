import "server-only";
import { z } from "zod";
import { DEFAULT_BODY_LIMIT_BYTES } from "@/lib/server/http/api-route";
import {
  ERROR_STATUSES,
  errorStatuses,
  NAMED_ANSWERS,
  ZErrorBody,
  type TAnswer,
  type TOperation,
  type TTag,
  type TUpload,
} from "@/lib/server/http/contract";

type TJson = Record<string, unknown>;

const COMPONENT_PREFIX = "#/components/schemas/";

const PATH_PARAMETERS: Record<string, string> = {
  orgSlug: "The organisation's slug (its address).",
  teamId: "The team's id or key.",
  slotId: "The slot's id, or its key in the team.",
  personId: "The person's id or key.",
  dutyId: "The duty's id or key.",
  userId: "The member's user id.",
  invitationId: "The invitation's id.",
  tokenId: "The API token's id.",
  token: "The secret from the invitation link.",
  entryId: "A journal entry's id (its `seq`), or its group's id.",
  draftId: "The draft's id.",
  webhookId: "The webhook endpoint's id.",
  commentId: "The comment's id.",
};

const TAG_DESCRIPTIONS: Record<TTag, string> = {
  Accounts: "Signing up.",
  Organisations: "Organisations, their members, invitations and API tokens.",
  Teams: "Product teams.",
  Slots: "A team's roles (PO, PM and others) and who holds them.",
  Assignments: "Who is accountable, responsible, consulted or informed for each duty in a team.",
  People: "The people who can hold slots; they need not use Remit.",
  Duties: "The organisation's catalogue of duties.",
  Map: "The whole responsibility map: analysis, overview, export and import.",
  Journal: "The map's history: who changed what, undo and restore.",
  Drafts: "Copies of the map to plan in, compared with live and published.",
  Live: "Live updates and presence.",
  Webhooks:
    "Endpoints that hear of events (flags introduced and resolved, drafts published…), signed as Standard Webhooks has it.",
  Comments: "Threads of comments on a team, a cell or a draft, with @mentions; resolved and reopened.",
  Notifications: "The caller's inbox across their organisations, and how each kind of notification is emailed.",
  API: "This document.",
};

/** The OpenAPI 3.1 document of the /api/v1 routes, generated from their contracts. */
export function buildOpenApiDocument(operations: readonly TOperation[], { origin }: { origin: string }): TJson {
  const paths: Record<string, Record<string, TJson>> = {};
  for (const operation of operations) {
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = describeOperation(operation);
  }
  const components = z.toJSONSchema(NAMED_ANSWERS, { io: "output", uri: (id) => `${COMPONENT_PREFIX}${id}` });
  return {
    openapi: "3.1.0",
    info: {
      title: "Remit API",
      version: "1",
      description:
        "Remit maps who owns what in product teams. Authenticate with an API token (`Authorization: Bearer …`, " +
        "created by an Owner) or, from Remit's own pages, the session cookie. Errors are JSON: " +
        '`{ "error": { "code", "message", "fields"? } }`. Where a path takes a team, person or duty, its id or its ' +
        "key will do; a slot takes its id or its key in the team.",
    },
    servers: [{ url: origin, description: "This Remit server." }],
    tags: Object.entries(TAG_DESCRIPTIONS)
      .filter(([name]) => operations.some((operation) => operation.tag === name))
      .map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An API token of the organisation." },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "A signed-in user." },
      },
      schemas: Object.fromEntries(
        Object.entries(components.schemas).map(([id, schema]) => [id, tidy(schema as TJson)]),
      ),
    },
  };
}

function describeOperation(operation: TOperation): TJson {
  const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    description: PATH_PARAMETERS[name!] ?? "",
    schema: { type: "string" },
  }));
  for (const [name, schema] of Object.entries(operation.query?.shape ?? {})) {
    parameters.push({
      name,
      in: "query",
      required: !(schema as z.ZodType).safeParse(undefined).success,
      description: (schema as z.ZodType).description ?? "",
      schema: toJsonSchema(schema as z.ZodType, "input") as { type: string },
    });
  }

  const answers: Record<string, TJson> = {};
  for (const [status, response] of Object.entries(operation.responses)) answers[status] = describeResponse(response);
  for (const status of errorStatuses(operation)) {
    answers[status] ??= { description: ERROR_STATUSES[status]!, content: jsonContent(ZErrorBody) };
  }

  const who = {
    anyone: "Anyone may call it.",
    "signed-in": "Any signed-in user or API token.",
    user: "A signed-in user only; API tokens get 403.",
  }[operation.access as string];
  const permission = operation.access.replace(/^user:/, "");
  const needs = operation.access.startsWith("user:")
    ? `Needs the \`${permission}\` permission in the organisation, as a signed-in user: API tokens get 403.`
    : `Needs the \`${permission}\` permission in the organisation.`;
  const isUserOnly = operation.access === "user" || operation.access.startsWith("user:");
  return {
    operationId: operationId(operation),
    tags: [operation.tag],
    summary: operation.summary,
    "x-remit-access": operation.access,
    description: `${operation.description ?? ""} ${who ?? needs}`.trim(),
    security: operation.access === "anyone" ? [] : isUserOnly ? [{ session: [] }] : [{ apiToken: [] }, { session: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: !operation.bodyOptional,
            description:
              `JSON, at most ${formatBytes(operation.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES)}.` +
              (operation.bodyOptional ? " Without a body, every field takes its default." : ""),
            content: {
              "application/json": { schema: toJsonSchema(operation.body, "input") },
              ...Object.fromEntries(
                (operation.alsoAccepts ?? []).map(({ mediaType, description }) => [
                  mediaType,
                  { schema: { type: "string", format: "binary", description } },
                ]),
              ),
            },
          },
        }
      : {}),
    ...(operation.upload ? { requestBody: describeUpload(operation.upload, operation.bodyLimitBytes) } : {}),
    responses: answers,
  };
}

/** A multipart/form-data upload: the file as binary (of the types it takes) and the options as a JSON part. */
function describeUpload(upload: TUpload, limit: number | undefined): TJson {
  const { file, options } = upload;
  return {
    required: true,
    description: `multipart/form-data, at most ${formatBytes(limit ?? DEFAULT_BODY_LIMIT_BYTES)}.`,
    content: {
      "multipart/form-data": {
        schema: {
          type: "object",
          required: [file.name],
          properties: {
            [file.name]: { type: "string", format: "binary", description: file.description },
            ...(options
              ? {
                  [options.name]: {
                    description: options.description,
                    ...(toJsonSchema(options.schema, "input") as Record<string, unknown>),
                  },
                }
              : {}),
          },
        },
        encoding: {
          [file.name]: { contentType: file.mediaTypes.join(", ") },
          ...(options ? { [options.name]: { contentType: "application/json" } } : {}),
        },
      },
    },
  };
}

function describeResponse(response: TAnswer): TJson {
  if (response.schema) return { description: response.description, content: jsonContent(response.schema) };
  if (response.mediaType) return { description: response.description, content: { [response.mediaType]: {} } };
  return { description: response.description };
}

function jsonContent(schema: z.ZodType): TJson {
  return { "application/json": { schema: toJsonSchema(schema, "output") } };
}

/**
 * A schema as JSON Schema. Answers refer to the components by `$ref`; request bodies are written out in full,
 * because they are read as input (fields with defaults are optional), unlike the components.
 */
function toJsonSchema(schema: z.ZodType, io: "input" | "output"): TJson {
  const id = io === "output" ? NAMED_ANSWERS.get(schema)?.id : undefined;
  if (id) return { $ref: `${COMPONENT_PREFIX}${id}` };
  const converted = z.toJSONSchema(schema, {
    io,
    metadata: io === "output" ? NAMED_ANSWERS : z.registry<{ id: string }>(),
    unrepresentable: "any",
  }) as TJson;
  return tidy(converted);
}

/** Drops what OpenAPI does not need and points references to named schemas at the components. */
function tidy(schema: TJson): TJson {
  const { $schema: _schema, $id: _id, $defs: _defs, ...rest } = schema;
  return JSON.parse(
    JSON.stringify(rest, (key, value: unknown) => {
      if (key === "$ref" && typeof value === "string") return value.replace(/^#\/\$defs\//, COMPONENT_PREFIX);
      if (!isRecord(value)) return value;
      const tidied = { ...value };
      // zod spells out the ISO date-time grammar as a regular expression; `format` says it.
      if (tidied.format === "date-time") delete tidied.pattern;
      // zod names some string checks as formats JSON Schema does not have ("starts_with"); `pattern` says them.
      if (typeof tidied.format === "string" && !JSON_SCHEMA_FORMATS.has(tidied.format)) delete tidied.format;
      // zod bounds every integer by JavaScript's safe range, which says nothing to a reader.
      if (tidied.minimum === Number.MIN_SAFE_INTEGER) delete tidied.minimum;
      if (tidied.maximum === Number.MAX_SAFE_INTEGER) delete tidied.maximum;
      return tidied;
    }),
  ) as TJson;
}

// The formats of JSON Schema 2020-12 (validation vocabulary, section 7.3).
const JSON_SCHEMA_FORMATS = new Set([
  "date-time",
  "date",
  "time",
  "duration",
  "email",
  "idn-email",
  "hostname",
  "idn-hostname",
  "ipv4",
  "ipv6",
  "uri",
  "uri-reference",
  "iri",
  "iri-reference",
  "uuid",
  "uri-template",
  "json-pointer",
  "relative-json-pointer",
  "regex",
]);

function isRecord(value: unknown): value is TJson {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function operationId(operation: TOperation): string {
  const words = operation.path
    .replace(/^\/api\/v1\//, "")
    .replace(/\{(\w+)\}/g, "by-$1")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [operation.method.toLowerCase(), ...words.map((word) => word[0]!.toUpperCase() + word.slice(1))].join("");
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${bytes / 1_000} kB`;
}
