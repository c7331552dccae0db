// Before a measurement that compares two runs, the database's own background work (autovacuum after the load
// phases' updates, a checkpoint writing their pages) is done up front, so that it falls into neither run.
import pg from "pg";

export async function settleDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
}
