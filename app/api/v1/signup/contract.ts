import "server-only";
import { ZUser } from "@/lib/server/accounts/answers";
import { answer, conflict, defineOperation, wrap } from "@/lib/server/http/contract";
import { ZSignUp } from "@/lib/validation/accounts";

export const POST = defineOperation({
  method: "POST",
  path: "/api/v1/signup",
  tag: "Accounts",
  summary: "Create an account with a password",
  access: "anyone",
  body: ZSignUp,
  responses: {
    201: answer("The new account.", wrap({ user: ZUser })),
    409: conflict("An account with this email exists."),
  },
});
