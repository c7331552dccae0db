/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC, as process.hrtime), the same in every thread and
 * process, so that a time taken by the writer and one taken by a subscriber thread can be compared.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
