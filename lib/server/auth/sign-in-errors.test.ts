import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("says nothing when the sign-in page was not sent an error", () => {
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage("")).toBeNull();
    expect(signInErrorMessage(["OAuthAccountNotLinked"])).toBeNull();
  });

  it("explains a refused link to a password account", () => {
    expect(signInErrorMessage("OAuthAccountNotLinked")).toMatch(
      /belongs to a Remit account that signs in with a password/,
    );
  });

  it("says a sign-in that could not be verified did not complete, and never echoes the parameter", () => {
    for (const error of ["Configuration", "CallbackRouteError", "<script>alert(1)</script>", "toString"]) {
      const message = signInErrorMessage(error);
      expect(message).toMatch(/^Sign-in did not complete, so you are not signed in\./);
      expect(message).not.toContain(error);
    }
  });
});
