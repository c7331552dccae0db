import "server-only";

export const WRONG_CREDENTIALS = "That email and password do not match an account. Check both and try again.";
export const TOO_MANY_ATTEMPTS = "Too many failed sign-ins for this account or network. Wait 15 minutes and try again.";

/** What went wrong with a sign-in through a provider, by the error type Auth.js names in the sign-in page's URL. */
const PROVIDER_SIGN_IN_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    "That sign-in was refused: its email address belongs to a Remit account that signs in with a password. Remit does not link another way of signing in to an existing account on its own, so that nobody can take an account over through it. Sign in with your email and password below.",
  OAuthCallbackError:
    "The sign-in service did not sign you in: the sign-in was cancelled or refused there. Try again, or sign in with your email and password.",
  CredentialsSignin: WRONG_CREDENTIALS,
};

// Auth.js names any other failure "Configuration" (it keeps the details in the server's log): an answer from the
// provider that could not be verified (an altered or expired callback, another issuer) or a provider out of reach.
const SIGN_IN_NOT_COMPLETED =
  "Sign-in did not complete, so you are not signed in. The sign-in service's answer could not be verified (it had expired, had been altered or came from a service Remit is not set up to trust), or the service could not be reached. Try again; if it keeps failing, ask whoever runs Remit to check its single sign-on settings.";

/**
 * The sentence to show on the sign-in page for the `error` Auth.js sent the browser back with, or null for none.
 * Only fixed sentences are shown: the parameter is never echoed.
 */
export function signInErrorMessage(error: unknown): string | null {
  if (typeof error !== "string" || error === "") return null;
  return Object.hasOwn(PROVIDER_SIGN_IN_ERRORS, error) ? PROVIDER_SIGN_IN_ERRORS[error]! : SIGN_IN_NOT_COMPLETED;
}
