import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { getUser } from "@/lib/server/auth/get-user";
import { verifyCredentials, type TSessionUser } from "@/lib/server/auth/verify-credentials";
import { ZSignIn } from "@/lib/validation/auth";

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The Credentials provider works only with JWT sessions.
  session: { strategy: "jwt" },
  trustHost: true,
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = ZSignIn.safeParse(raw);
        if (!parsed.success) return null;
        return verifyCredentials(parsed.data);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

/** The signed-in user, or a redirect to the sign-in page. Checks that the account still exists. */
export async function requireUser(): Promise<TSessionUser> {
  const user = await getOptionalUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** The signed-in user, or null. */
export async function getOptionalUser(): Promise<TSessionUser | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return getUser({ userId });
}
