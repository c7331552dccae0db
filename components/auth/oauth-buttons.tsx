import { signInWithProviderAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

/** One button per configured OAuth / OIDC provider; nothing when none is configured. */
export function OAuthButtons({
  providers,
  redirectTo,
}: {
  providers: { id: string; name: string }[];
  redirectTo: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2">
      {providers.map((provider) => (
        <form key={provider.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Button type="submit" variant="secondary" className="w-full">
            Continue with {provider.name}
          </Button>
        </form>
      ))}
      <p className="py-2 text-center text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
        or with email
      </p>
    </div>
  );
}
