import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assertFuzz, FIXED_SEED, fuzzSeeds } from "./fuzz";

afterEach(() => vi.unstubAllEnvs());

/** Fails for a third of the integers, recording what it was given. */
function propertyFailingOnMultiplesOfThree(seen: number[]) {
  return fc.property(fc.integer(), (value) => {
    seen.push(value);
    expect(value % 3).not.toBe(0);
  });
}

async function failureOf(run: Promise<void>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, "the property should have failed").toBeInstanceOf(Error);
  return (error as Error).message;
}

describe("fuzzSeeds", () => {
  it("is the fixed seed and a random one, new in each run", () => {
    vi.stubEnv("FUZZ_SEED", undefined);
    const [fixed, random] = fuzzSeeds();
    expect(fixed).toEqual({ kind: "fixed", seed: FIXED_SEED });
    expect(random?.kind).toBe("random");
    expect(fuzzSeeds()[1]?.seed).not.toBe(random?.seed);
  });

  it("is FUZZ_SEED alone when it is set, and refuses one that is not a number", () => {
    vi.stubEnv("FUZZ_SEED", "-123456");
    expect(fuzzSeeds()).toEqual([{ kind: "FUZZ_SEED", seed: -123456 }]);
    vi.stubEnv("FUZZ_SEED", "seed please");
    expect(() => fuzzSeeds()).toThrow(/FUZZ_SEED must be the number a failed fuzz test printed/);
  });
});

describe("assertFuzz", () => {
  it("runs the examples and then random inputs from each seed", async () => {
    const seen: number[] = [];
    await assertFuzz(
      fc.property(fc.integer(), (value) => void seen.push(value)),
      { numRuns: 5, examples: [[1], [2]] },
      [
        { kind: "fixed", seed: 1 },
        { kind: "random", seed: 2 },
      ],
    );
    expect(seen).toHaveLength(2 + 5 + 5);
    expect(seen.slice(0, 2)).toEqual([1, 2]);
  });

  it("names the seed that failed, and FUZZ_SEED replays the failure with the same input", async () => {
    const failed: number[] = [];
    const report = await failureOf(
      assertFuzz(propertyFailingOnMultiplesOfThree(failed), { numRuns: 100 }, [{ kind: "random", seed: 424_242 }]),
    );
    expect(report).toContain("Fuzzing with the random seed 424242 failed; FUZZ_SEED=424242 replays it.");
    // fast-check's own report: the seed and the input that failed.
    expect(report).toContain("seed: 424242");
    const counterexample = failed.at(-1)!;
    expect(report).toContain(`Counterexample: [${counterexample}]`);

    // Replayed with the examples that the first seed runs first.
    vi.stubEnv("FUZZ_SEED", "424242");
    const replayed: number[] = [];
    const replay = await failureOf(
      assertFuzz(propertyFailingOnMultiplesOfThree(replayed), { numRuns: 100, examples: [[1]] }),
    );
    expect(replay).toContain("Fuzzing with the FUZZ_SEED seed 424242 failed");
    expect(replayed.at(-1)).toBe(counterexample);
  });
});
