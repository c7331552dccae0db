import { NO_TERMS, type TRemitMap } from "./model";

/** A small map for unit tests: Checkout (PO held by Dana, a vacant PM and Tech lead) and Search (a vacant PO). */
export const CHECKOUT_MAP: TRemitMap = {
  people: [{ id: "p1", key: "dana", name: "Dana Demo", email: null, capacity: 1 }],
  teams: [
    { id: "t1", key: "checkout", name: "Checkout", description: null, group: null },
    { id: "t2", key: "search", name: "Search", description: null, group: null },
  ],
  slots: [
    {
      id: "s-lead",
      key: "lead",
      teamId: "t1",
      role: "Tech lead",
      title: null,
      holderId: null,
      ...NO_TERMS,
      allocation: 1,
      order: 0,
    },
    {
      id: "s-pm",
      key: "pm",
      teamId: "t1",
      role: "PM",
      title: null,
      holderId: null,
      ...NO_TERMS,
      allocation: 1,
      order: 1,
    },
    {
      id: "s-po",
      key: "po",
      teamId: "t1",
      role: "PO",
      title: null,
      holderId: "p1",
      ...NO_TERMS,
      allocation: 1,
      order: 2,
    },
    {
      id: "s-other",
      key: "po",
      teamId: "t2",
      role: "PO",
      title: null,
      holderId: null,
      ...NO_TERMS,
      allocation: 1,
      order: 0,
    },
  ],
  duties: [
    { id: "d2", key: "roadmap", name: "Roadmap", description: "", required: true, order: 1 },
    { id: "d1", key: "vision", name: "Vision", description: "", required: true, order: 0 },
  ],
  assignments: [
    { teamId: "t1", dutyId: "d1", slotId: "s-po", level: "accountable", version: 3 },
    { teamId: "t2", dutyId: "d1", slotId: "s-other", level: "accountable", version: 1 },
  ],
};
