// The API's operations as types, read from the routes' contracts (app/api/v1/contracts.ts lists them). A type-only
// import: nothing of the server reaches the browser's bundle.
import type { ROUTE_CONTRACTS } from "@/app/api/v1/contracts";

type TRoutes = typeof ROUTE_CONTRACTS;

/** Every operation of the API. */
export type TAnyOperation = { [TPath in keyof TRoutes]: TRoutes[TPath][keyof TRoutes[TPath]] }[keyof TRoutes];
