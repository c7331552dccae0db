// The seeds fuzz tests run with: a fixed one, the same in every run, so that what it finds fails for everyone until
// it is fixed; and a random one, new in each run, so that CI keeps exploring. A failure names the seed, and
// FUZZ_SEED=<that seed> replays it alone. FUZZ_RUNS sets the number of random inputs per seed.
import { randomInt } from "node:crypto";
import fc from "fast-check";

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30);
export const FIXED_SEED = 20_261_206;

export type TFuzzSeed = { kind: "fixed" | "random" | "FUZZ_SEED"; seed: number };

/** FUZZ_SEED alone when it is set; otherwise the fixed seed and a random one. */
export function fuzzSeeds(): TFuzzSeed[] {
  const given = process.env.FUZZ_SEED;
  if (given !== undefined && given !== "") {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) {
      throw new Error(`FUZZ_SEED must be the number a failed fuzz test printed, not "${given}".`);
    }
    return [{ kind: "FUZZ_SEED", seed }];
  }
  return [
    { kind: "fixed", seed: FIXED_SEED },
    { kind: "random", seed: randomInt(2 ** 31) },
  ];
}

/**
 * fast-check's `fc.assert` once per seed, stopping at the first failure (no shrinking: these properties are slow).
 * `examples` run once, before the first seed's random inputs. The error says which seed failed and how to replay it,
 * above fast-check's own report (seed, path and counterexample).
 */
export async function assertFuzz<Ts>(
  property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>,
  { numRuns = FUZZ_RUNS, examples = [] }: { numRuns?: number; examples?: Ts[] } = {},
  seeds: TFuzzSeed[] = fuzzSeeds(),
): Promise<void> {
  for (const [index, { kind, seed }] of seeds.entries()) {
    const ownExamples = index === 0 ? examples : [];
    try {
      // numRuns counts the examples too.
      await fc.assert(property as fc.IRawProperty<Ts>, {
        seed,
        numRuns: numRuns + ownExamples.length,
        examples: ownExamples,
        endOnFailure: true,
      });
    } catch (error) {
      const report = error instanceof Error ? error.message : String(error);
      throw new Error(`Fuzzing with the ${kind} seed ${seed} failed; FUZZ_SEED=${seed} replays it.\n${report}`, {
        cause: error,
      });
    }
  }
}
