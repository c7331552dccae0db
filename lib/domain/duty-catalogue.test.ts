import { describe, expect, it } from "vitest";
import { createDefaultDuties, DEFAULT_DUTIES } from "./duty-catalogue";
import { isValidKey } from "./keys";

describe("DEFAULT_DUTIES", () => {
  it("lists the ten product duties in catalogue order", () => {
    expect(DEFAULT_DUTIES.map((duty) => [duty.key, duty.name])).toEqual([
      ["vision", "Product vision"],
      ["strategy", "Product strategy"],
      ["feature-decisions", "Deciding which features get built"],
      ["roadmap", "Roadmap prioritisation"],
      ["stakeholders", "Stakeholder communication and alignment"],
      ["customer-needs", "Making sure the product meets customer needs and requirements"],
      ["delivery", "Working with the development team to build to the roadmap"],
      ["day-to-day", "Day-to-day product management"],
      ["market-research", "Market research"],
      ["data-analysis", "Data analysis"],
    ]);
  });

  it("makes every duty required, with a valid key and a one-sentence description", () => {
    for (const duty of DEFAULT_DUTIES) {
      expect(duty.required).toBe(true);
      expect(isValidKey(duty.key)).toBe(true);
      expect(duty.description).toMatch(/^[A-Z][^.]+\.$/);
    }
  });
});

describe("createDefaultDuties", () => {
  it("numbers the duties in catalogue order and asks for an id per key", () => {
    const duties = createDefaultDuties((key) => `duty-${key}`);
    expect(duties).toHaveLength(10);
    expect(duties[0]).toMatchObject({ id: "duty-vision", key: "vision", order: 0, required: true });
    expect(duties.map((duty) => duty.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
