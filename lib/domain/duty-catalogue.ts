import type { TDuty } from "./model";

export type TCatalogueDuty = Pick<TDuty, "key" | "name" | "description" | "required">;

/**
 * The duties a new organisation starts with, in catalogue order.
 * Drawn from the split between product owner and product manager described in the team's reference article.
 */
export const DEFAULT_DUTIES: readonly TCatalogueDuty[] = [
  {
    key: "vision",
    name: "Product vision",
    description: "Set and hold the overall vision for the product, so everyone knows what it should become.",
    required: true,
  },
  {
    key: "strategy",
    name: "Product strategy",
    description: "Decide the strategy that turns the vision into a successful product.",
    required: true,
  },
  {
    key: "feature-decisions",
    name: "Deciding which features get built",
    description: "Decide which features will be built, and which will not.",
    required: true,
  },
  {
    key: "roadmap",
    name: "Roadmap prioritisation",
    description: "Prioritise the development roadmap.",
    required: true,
  },
  {
    key: "stakeholders",
    name: "Stakeholder communication and alignment",
    description: "Communicate with stakeholders and keep everyone on the same page with the product vision.",
    required: true,
  },
  {
    key: "customer-needs",
    name: "Making sure the product meets customer needs and requirements",
    description: "Make sure the product meets customer needs and requirements.",
    required: true,
  },
  {
    key: "delivery",
    name: "Working with the development team to build to the roadmap",
    description: "Work closely with the development team so the product is built according to the roadmap.",
    required: true,
  },
  {
    key: "day-to-day",
    name: "Day-to-day product management",
    description: "Manage the product day to day.",
    required: true,
  },
  {
    key: "market-research",
    name: "Market research",
    description: "Conduct market research to check that the product is meeting customer needs.",
    required: true,
  },
  {
    key: "data-analysis",
    name: "Data analysis",
    description: "Analyse product data to check that the product is meeting customer needs.",
    required: true,
  },
];

/** The default catalogue as duties with ids from `createId`, ordered 0..n-1. */
export function createDefaultDuties(createId: (key: string) => string): TDuty[] {
  return DEFAULT_DUTIES.map((duty, order) => ({ ...duty, id: createId(duty.key), order }));
}
