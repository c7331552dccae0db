import { signUp } from "@/lib/server/accounts/sign-up";
import { handle } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/auth/rate-limit/client-address";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ request, body }) => ({
  status: 201,
  body: { user: await signUp({ ...body, ip: clientAddress(request.headers) }) },
}));
