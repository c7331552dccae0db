import { signUp } from "@/lib/server/accounts/sign-up";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { ZSignUp } from "@/lib/validation/accounts";

export const POST = apiRoute(async ({ request }) => {
  const user = await signUp({ ...(await readJson(request, ZSignUp)), ip: clientAddress(request.headers) });
  return json({ user }, 201);
});
