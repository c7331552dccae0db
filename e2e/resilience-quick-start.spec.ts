// `npm start` as a newcomer runs it (issue #17): on a fresh data directory with the embedded database, the first
// calls an integrator makes (sign up, sign in, which organisations can I see, make one, how do I call the rest)
// answer as the OpenAPI document that the same server serves says they do; then many requests at once all answer.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  ContractClient,
  Coverage,
  loadContract,
  randomAddress,
  signInWithPassword,
  type TCaller,
} from "./fixtures/contract";
import { freePort, startRemit } from "./fixtures/servers";

test("a fresh npm start answers sign-up, the organisations and the OpenAPI document as that document says", async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "remit-quick-start-"));
  const [port, embeddedPort] = [await freePort(), await freePort()];
  const remit = await startRemit({ dataDir, port, embeddedPort });
  try {
    const contract = await loadContract(remit.url);
    const problems: string[] = [];
    const client = new ContractClient(remit.url, contract, new Coverage(), (problem) => problems.push(problem));
    const call = (key: string, caller: TCaller, body?: unknown) =>
      client.call(contract.operation(key), caller, { body });

    const anonymous: TCaller = { name: "anonymous", address: randomAddress() };
    const suffix = randomBytes(4).toString("hex");
    const newcomer = {
      name: "Nina Newcomer",
      email: `nina-${suffix}@example.test`,
      password: "a fine long passphrase",
    };
    const signUp = await call("POST /api/v1/signup", anonymous, newcomer);
    expect(signUp.status, signUp.text).toBe(201);
    expect(signUp.body).toMatchObject({ user: { name: newcomer.name, email: newcomer.email } });

    const cookie = await signInWithPassword(remit.url, { ...newcomer, address: anonymous.address });
    const nina: TCaller = { name: "newcomer", cookie, address: anonymous.address };
    const before = await call("GET /api/v1/orgs", nina);
    expect(before.status, before.text).toBe(200);
    expect(before.body).toEqual({ organizations: [] });

    const slug = `nina-${suffix}`;
    const created = await call("POST /api/v1/orgs", nina, { name: "Nina's Org", slug });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ organization: { slug, name: "Nina's Org", role: "OWNER" } });
    const after = await call("GET /api/v1/orgs", nina);
    expect(after.body).toEqual({ organizations: [(created.body as { organization: unknown }).organization] });

    // The document is the same for anybody who asks, and is the one these answers were checked against.
    const document = await call("GET /api/v1/openapi.json", anonymous);
    expect(document.status).toBe(200);
    expect(document.body).toEqual(contract.document);

    // A page load and a few tabs ask many things at once. The embedded database is one session: each request's
    // queries must reach it whole, never interleaved with another's (which mixes up their statements).
    const asNina = { cookie, origin: remit.url, "x-forwarded-for": anonymous.address };
    const teams = await Promise.all(
      ["Checkout", "Search", "Payments", "Growth"].map((name) =>
        fetch(`${remit.url}/api/v1/orgs/${slug}/teams`, {
          method: "POST",
          headers: { ...asNina, "content-type": "application/json" },
          body: JSON.stringify({ name }),
        }),
      ),
    );
    expect(teams.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    const paths = [
      `/${slug}`,
      `/${slug}/people`,
      `/${slug}/history`,
      `/api/v1/orgs/${slug}/overview`,
      `/api/v1/orgs/${slug}/state`,
      `/api/v1/orgs/${slug}/analysis`,
      `/api/v1/orgs/${slug}/journal`,
      `/api/v1/orgs/${slug}/health-history`,
    ];
    const answers = await Promise.all(
      [...paths, ...paths, ...paths].map(async (path) => {
        const answer = await fetch(`${remit.url}${path}`, { headers: asNina });
        await answer.arrayBuffer();
        return `${answer.status} ${path}`;
      }),
    );
    expect(answers).toEqual([...paths, ...paths, ...paths].map((path) => `200 ${path}`));

    expect(problems).toEqual([]);
    expect(remit.output()).not.toMatch(/TypeError|Something went wrong|prepared statement|DriverAdapterError/);
  } finally {
    await test.info().attach("npm start output", { body: remit.output(), contentType: "text/plain" });
    await remit.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
