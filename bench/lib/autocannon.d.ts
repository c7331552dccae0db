// The part of autocannon's API the benchmarks use (autocannon ships no types; @types/autocannon is not needed for this).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type TRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };

  type TRequestStep = TRequest & {
    setupRequest?: (request: TRequest, context: Record<string, unknown>) => TRequest | null;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  };

  type TOptions = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: TRequestStep[];
  };

  type TResult = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    requests: { average: number; total: number };
  };

  type TInstance = EventEmitter &
    PromiseLike<TResult> & {
      on(
        event: "response",
        listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
      ): TInstance;
    };

  function autocannon(options: TOptions): TInstance;
  export type { TRequestStep };
  export default autocannon;
}
