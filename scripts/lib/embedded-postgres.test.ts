import pg from "pg";
import { expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";

// Two pools' parameterised queries, some inside transactions, at once: each answers its own rows, none fails.
it("keeps concurrent connections' extended queries apart on the embedded database", async () => {
  const embedded = await startEmbeddedPostgres({});
  const pool = new pg.Pool({ connectionString: embedded.url, max: 6 });
  const problems: string[] = [];
  try {
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = 0; i < 60; i++) {
          const value = worker * 1000 + i;
          try {
            if (worker % 2 === 0) {
              const client = await pool.connect();
              try {
                await client.query("BEGIN");
                const { rows } = await client.query<{ v: number }>("SELECT $1::int AS v", [value]);
                if (rows[0]?.v !== value) problems.push(`${value} answered ${rows[0]?.v}`);
                await client.query("COMMIT");
              } finally {
                client.release();
              }
            } else {
              const { rows } = await pool.query<{ v: number }>("SELECT $1::int AS v, $2::text AS t", [value, "x"]);
              if (rows[0]?.v !== value) problems.push(`${value} answered ${rows[0]?.v}`);
            }
          } catch (error) {
            problems.push(error instanceof Error ? error.message : String(error));
          }
        }
      }),
    );
  } finally {
    await pool.end().catch(() => undefined);
    await embedded.stop();
  }
  expect(problems).toEqual([]);
}, 60_000);
