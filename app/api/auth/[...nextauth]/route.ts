import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { AppError, errorResponse } from "@/lib/errors";
import { withPublicOrigin } from "@/lib/server/http/public-origin-request";
import { assertSignInAllowed, signInKeys } from "@/lib/server/auth/sign-in-with-password";
import { clientAddress } from "@/lib/server/auth/rate-limit/client-address";
import { ZEmail } from "@/lib/validation/auth";

export function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(withPublicOrigin(request));
}

// Auth.js's forms are a few fields; nothing it reads needs more.
const BODY_LIMIT_BYTES = 64_000;

/**
 * Auth.js's own endpoints. A password sign-in posted here while the account or network is locked out answers 429
 * with Retry-After, as the API does, before Auth.js sees it; a body declared larger than a form gets 413.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (Number(request.headers.get("content-length") ?? 0) > BODY_LIMIT_BYTES) {
    return errorResponse(new AppError("payload_too_large", "The request body is larger than a sign-in form."));
  }
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    try {
      const form = await request.clone().formData();
      // Keyed as signInWithPassword keys it: the email as the sign-in form's schema reads it.
      const email = ZEmail.safeParse(form.get("email")).data ?? "";
      await assertSignInAllowed(signInKeys({ email, ip: clientAddress(request.headers) }));
    } catch (error) {
      // A body that is not a form is Auth.js's to refuse.
      if (!(error instanceof TypeError)) return errorResponse(error);
    }
  }
  return handlers.POST(withPublicOrigin(request));
}
