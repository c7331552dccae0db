import { describe, expect, it } from "vitest";
import { fieldErrors } from "./fields";
import { ZRuleChanges } from "./rules";

const schema = ZRuleChanges(new Set(["checkout"]));

describe("ZRuleChanges", () => {
  it("passes the changes of a valid body through", () => {
    const body = {
      rules: [
        { id: "po_spread", severity: "on" },
        { id: "vacant_slot", exemptTeams: ["checkout"] },
      ],
    };
    expect(schema.parse(body)).toEqual(body.rules);
  });

  it("answers every problem at once, as the field errors of a 400", () => {
    const parsed = schema.safeParse({
      rules: [{ id: "po_spread", params: { max: 0 } }, { id: "nope" }, { id: "vacant_slot", exemptTeams: ["billing"] }],
    });
    expect(fieldErrors(parsed.error!)).toEqual({
      "rules.0.params.max": ["Give max as a whole number of at least 1."],
      "rules.1.id": [expect.stringContaining('There is no rule "nope".')],
      "rules.2.exemptTeams.0": ['No team has the key "billing".'],
    });
  });
});
