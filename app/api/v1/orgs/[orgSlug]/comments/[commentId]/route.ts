import { deleteComment, editComment } from "@/lib/server/comments/change-comment";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const PATCH = handle(contract.PATCH)(async ({ actor, params, body }) => ({
  status: 200,
  body: { comment: await editComment({ actor, ...params, ...body }) },
}));

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => {
  await deleteComment({ actor, ...params });
  return { status: 204 };
});
