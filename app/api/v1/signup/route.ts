import { signUp } from "@/lib/server/accounts/sign-up";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { ZSignUp } from "@/lib/validation/accounts";

export const POST = apiRoute(async ({ request }) => {
  const user = await signUp(await readJson(request, ZSignUp));
  return json({ user }, 201);
});
