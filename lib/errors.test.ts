import { describe, expect, it } from "vitest";
import { AppError, errorResponse, toAppError } from "./errors";

describe("errorResponse", () => {
  it("answers an AppError with its status, code, message and every field error", async () => {
    const response = errorResponse(
      new AppError("invalid_input", "Check the highlighted fields.", { name: ["Enter a name."] }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "invalid_input", message: "Check the highlighted fields.", fields: { name: ["Enter a name."] } },
    });
  });

  it("answers 503 with Retry-After when the database cannot be reached", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const response = errorResponse(new Error("query failed", { cause: refused }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error.code).toBe("unavailable");
  });

  it("answers 503 when a raw query meets a database that is starting up (Prisma's P2010 with the SQLSTATE)", async () => {
    const driverAdapterError = Object.assign(new Error("the database system is starting up"), {
      cause: { kind: "postgres", code: "57P03", severity: "FATAL", message: "the database system is starting up" },
    });
    const prismaError = Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation: Raw query failed."), {
      code: "P2010",
      meta: { code: "57P03", message: "the database system is starting up", driverAdapterError },
    });
    const response = errorResponse(prismaError);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });

  it("answers 503 when the driver adapter says the database is not reachable", () => {
    const error = Object.assign(new Error("DriverAdapterError"), { cause: { kind: "DatabaseNotReachable" } });
    expect(toAppError(new Error("query failed", { cause: error })).code).toBe("unavailable");
  });

  it("answers 503 with Retry-After, never 500, for a deadlock, a serialization failure or a transaction that could not start, however it is reported", async () => {
    const reports = [
      // node-postgres straight (queryRows): the SQLSTATE is the error's code.
      Object.assign(new Error("deadlock detected"), { code: "40P01" }),
      Object.assign(new Error("could not serialize access due to concurrent update"), { code: "40001" }),
      // Prisma's interactive transaction, and its driver adapter's error inside.
      Object.assign(new Error("Transaction failed due to a write conflict or a deadlock."), { code: "P2034" }),
      new Error("query failed", { cause: { kind: "TransactionWriteConflict" } }),
      // A raw query's P2010 with the SQLSTATE.
      Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { code: "40P01" } }),
      // A transaction that could not get a pooled connection in time (every connection held by queued writes).
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
        code: "P2028",
      }),
    ];
    for (const error of reports) {
      const response = errorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect((await response.json()).error.code).toBe("unavailable");
    }
  });

  it("hides the details of unexpected errors", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = errorResponse(new Error("secret internals at /srv/app.js:12"));
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toContain("secret internals");
    } finally {
      console.error = original;
    }
  });
});

describe("toAppError", () => {
  it("keeps AppErrors as they are", () => {
    const error = new AppError("not_found", "No such team.");
    expect(toAppError(error)).toBe(error);
  });

  it("turns a write that lost a race (a row deleted or a value taken meanwhile) into a conflict, not a 500", () => {
    const lostRaces = [
      Object.assign(new Error("Foreign key constraint violated"), { code: "P2003" }),
      Object.assign(new Error("Unique constraint failed"), { code: "P2002" }),
      // node-postgres straight (queryRows): the SQLSTATE is the error's code.
      Object.assign(new Error('insert or update on table "assignment" violates foreign key constraint'), {
        code: "23503",
      }),
      // A raw query through Prisma: P2010, with the SQLSTATE inside the adapter's error.
      Object.assign(new Error("Raw query failed."), {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "23505" } } },
      }),
    ];
    for (const error of lostRaces) {
      const answer = toAppError(error);
      expect(answer.code).toBe("conflict");
      expect(answer.status).toBe(409);
    }
    expect(toAppError(Object.assign(new Error("syntax error"), { code: "42601" })).code).toBe("internal");
  });
});
