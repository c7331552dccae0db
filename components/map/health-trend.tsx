"use client";

import { useIsPageIdle } from "@/components/ui/use-page-idle";
import { useHealthHistory } from "@/lib/client/queries";
import { RULE_IDS } from "@/lib/domain/rules";
import { KIND_LABELS } from "./flag-labels";
import { TableFrame } from "@/components/ui/table-frame";

const WIDTH = 320;
const HEIGHT = 72;

/** An SVG line through `values` (null leaves a gap), scaled to `max`, with a dot on each value. */
function Line({
  values,
  max,
  width,
  height,
  strokeWidth,
}: {
  values: readonly (number | null)[];
  max: number;
  width: number;
  height: number;
  strokeWidth: number;
}) {
  const segments = linePoints(values, max, width, height);
  return (
    <>
      {segments.map((points) => (
        <polyline key={points} points={points} fill="none" stroke="currentColor" strokeWidth={strokeWidth} />
      ))}
      {segments
        .flatMap((points) => points.split(" "))
        .map((point) => {
          const [x, y] = point.split(",");
          return <circle key={point} cx={x} cy={y} r={strokeWidth * 1.25} fill="currentColor" />;
        })}
    </>
  );
}

function linePoints(values: readonly (number | null)[], max: number, width: number, height: number): string[] {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
      return;
    }
    const y = height - (max > 0 ? (value / max) * (height - 4) : 0) - 2;
    current.push(`${(index * step).toFixed(1)},${y.toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(" "));
  return segments;
}

function Sparkline({ values, max, label }: { values: readonly (number | null)[]; max: number; label: string }) {
  return (
    <svg viewBox={`-3 -3 ${WIDTH / 2 + 6} 26`} className="h-5 w-28" role="img" aria-label={label}>
      <Line values={values} max={max} width={WIDTH / 2} height={20} strokeWidth={1.5} />
    </svg>
  );
}

const formatDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "Are we getting better?": the average health and each kind of flag over the last 30 days, from the journal. */
export function HealthTrend({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  // Below the map, computed from the journal: loaded once the page is up and idle.
  const { data, error } = useHealthHistory({ orgId, orgSlug, enabled: useIsPageIdle() });
  const days = data?.days ?? [];
  const first = days[0];
  const last = days.at(-1);
  // The six default kinds are always counted; another rule's only while it is on.
  const kinds = RULE_IDS.filter((kind) => last?.counts[kind] !== undefined);
  const change = (now: number, then: number) =>
    now === then ? "no change" : now > then ? `+${now - then}` : `${now - then}`;

  return (
    <section
      aria-labelledby="health-trend-heading"
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="health-trend-heading" className="text-base font-semibold">
        Are we getting better?
      </h2>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : !last || !first ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Loading the last 30 days…</p>
      ) : (
        <div className="mt-2 grid gap-4 md:grid-cols-[auto_1fr]">
          <figure className="text-indigo-600 dark:text-indigo-400">
            <svg
              viewBox={`-4 -4 ${WIDTH + 8} ${HEIGHT + 8}`}
              className="h-20 w-80 rounded bg-slate-50 dark:bg-slate-900"
              role="img"
              aria-label={`Average health from ${formatDay(first.day)} (${first.score ?? "no teams"}) to ${formatDay(last.day)} (${last.score ?? "no teams"})`}
            >
              <Line values={days.map((point) => point.score)} max={100} width={WIDTH} height={HEIGHT} strokeWidth={2} />
            </svg>
            <figcaption className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              Average health{" "}
              <span className="font-semibold" data-testid="trend-score">
                {last.score ?? "–"}
              </span>
              /100
              {days.length > 1 && first.score !== null && last.score !== null && (
                <>
                  {" "}
                  ({change(last.score, first.score)} since {formatDay(first.day)})
                </>
              )}
              {days.length === 1 && <> · the history starts today</>}
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                Every day is judged by today&apos;s rules.
              </span>
            </figcaption>
          </figure>
          <ul className="grid content-start gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {kinds.map((kind) => {
              const values = days.map((point) => point.counts[kind] ?? 0);
              const max = Math.max(1, ...values);
              return (
                <li key={kind} className="flex items-center gap-3">
                  <span className="w-36 shrink-0">{KIND_LABELS[kind]}</span>
                  <span className="text-amber-600 dark:text-amber-400">
                    <Sparkline values={values} max={max} label={`${KIND_LABELS[kind]} over ${days.length} days`} />
                  </span>
                  <span className="tabular-nums" data-testid={`trend-${kind}`}>
                    {last.counts[kind] ?? 0}
                  </span>
                  {days.length > 1 && (
                    <span className="text-slate-600 tabular-nums dark:text-slate-400">
                      ({change(last.counts[kind] ?? 0, first.counts[kind] ?? 0)})
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <details className="md:col-span-2">
            <summary className="cursor-pointer text-sm text-indigo-700 dark:text-indigo-300">
              The figures, day by day
            </summary>
            <TableFrame className="mt-2 max-h-64 overflow-y-auto">
              <table className="text-sm tabular-nums">
                <caption className="sr-only">Average health and flags of each kind at the end of each day</caption>
                <thead>
                  <tr>
                    <th scope="col" className="px-2 text-left font-medium">
                      Day
                    </th>
                    <th scope="col" className="px-2 text-right font-medium">
                      Health
                    </th>
                    {kinds.map((kind) => (
                      <th key={kind} scope="col" className="px-2 text-right font-medium">
                        {KIND_LABELS[kind]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...days].reverse().map((point) => (
                    <tr key={point.day}>
                      <th scope="row" className="px-2 text-left font-normal">
                        {formatDay(point.day)}
                      </th>
                      <td className="px-2 text-right">{point.score ?? "–"}</td>
                      {kinds.map((kind) => (
                        <td key={kind} className="px-2 text-right">
                          {point.counts[kind] ?? 0}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          </details>
        </div>
      )}
    </section>
  );
}
