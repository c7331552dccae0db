import { importRaciSheet } from "@/lib/server/assignments/import-raci-sheet";
import { handle } from "@/lib/server/http/api-route";
import { toRaciChoices } from "@/lib/validation/raci-import";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, readUpload }) => {
  const { file, options } = await readUpload();
  return {
    status: 200,
    body: await importRaciSheet({
      actor,
      ...params,
      file,
      choices: toRaciChoices(options),
      apply: options.apply,
      expect: options.expect,
    }),
  };
});
