import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize, type TOrgAccess } from "@/lib/server/auth/authorize";
import { oauthProviders } from "@/lib/server/auth/oauth-providers";
import { sessionUserFromHeaders } from "@/lib/server/auth/resolve-actor";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/server/auth/sessions";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import type { TSessionUser } from "@/lib/server/auth/verify-credentials";
import { clientAddress } from "@/lib/server/auth/rate-limit/client-address";
import { ZSignIn } from "@/lib/validation/auth";

/** Thrown from authorize() so the sign-in form can tell "too many attempts" from "wrong password". */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const oauth = oauthProviders();

/** Links OAuth sign-ins to users; users made this way get their email lower-cased and a name. */
function accountLinkingAdapter(): Adapter {
  // The adapter is typed against the default @prisma/client; ours is generated into lib/generated with the same models.
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    createUser: (user) =>
      base.createUser!({
        ...user,
        email: user.email.toLowerCase(),
        name: user.name?.trim() || user.email.split("@")[0] || user.email,
      }),
  };
}

export const { handlers, signIn, signOut } = NextAuth({
  // The Credentials provider works only with JWT sessions; the adapter only links OAuth accounts.
  // The cookie also names a server-side session (lib/server/auth/sessions.ts) that signing out ends.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  adapter: oauth.providers.length > 0 ? accountLinkingAdapter() : undefined,
  trustHost: true,
  // Every failed sign-in comes back to the sign-in page, which says what happened (lib/server/auth/sign-in-errors.ts);
  // Auth.js's own error page would answer most of them with a bare 500 "Server error".
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // A wrong password (or a locked-out one) is the sign-in form's to say, not an error for the server's log; Auth.js
  // would log each with its stack.
  logger: {
    error: (error) => {
      if (!(error instanceof CredentialsSignin)) console.error("[auth][error]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = ZSignIn.safeParse(raw);
        if (!parsed.success) return null;
        try {
          return await signInWithPassword({ ...parsed.data, ip: clientAddress(request.headers) });
        } catch (error) {
          if (error instanceof AppError && error.code === "rate_limited") throw new SignInRateLimited();
          if (error instanceof AppError && error.code === "unauthenticated") return null;
          throw error;
        }
      },
    }),
    ...oauth.providers,
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is there only when signing in: that starts a session.
      if (user?.id) {
        token.sub = user.id;
        token.sid = await startSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string") await endSession(sessionId);
    },
  },
});

/** The OAuth / OIDC sign-in buttons to show. */
export const oauthOptions = oauth.options;

/** The signed-in user, or null. Checks that the session is still open and the account still exists. */
export async function getOptionalUser(): Promise<TSessionUser | null> {
  return sessionUserFromHeaders(await headers());
}

/** The signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<TSessionUser> {
  const user = await getOptionalUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** The signed-in user as an actor for lib/server use cases, or null. */
export async function currentActor(): Promise<TActor | null> {
  const user = await getOptionalUser();
  return user && { kind: "user", userId: user.id, email: user.email, name: user.name };
}

/**
 * The signed-in user's access to an organisation, for pages: signs in first if needed, and shows the 404 page to
 * non-members. Cached per request, so a layout and its page share one lookup.
 */
export const requireOrgAccess = cache(async (orgSlug: string): Promise<TOrgAccess> => {
  const user = await requireUser(`/${orgSlug}`);
  try {
    return await authorize({
      actor: { kind: "user", userId: user.id, email: user.email, name: user.name },
      orgSlug,
      permission: "read",
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});
