import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { TOrgCall } from "./map-write";

/** A read of the organisation's map: the caller may see the organisation (`read`), or an error; then `read` runs. */
export async function readMap<T>(call: TOrgCall, read: (organizationId: string) => Promise<T>): Promise<T> {
  const { organization } = await authorize({ ...call, permission: "read" });
  return read(organization.id);
}

/** Teams and people are listed by name, then key. */
export const BY_NAME: [{ name: "asc" }, { key: "asc" }] = [{ name: "asc" }, { key: "asc" }];
