// Runs in the browser before the app's own modules. Zod compiles fast parsers with `new Function`, and probes for
// it even when it would not use it; Remit's Content-Security-Policy forbids eval, so the browser would report a
// violation. Interpreted parsing is fast enough for forms.
//
// Zod keeps its configuration on globalThis (so that every copy of it shares one), and reads it when its first
// module loads: setting it here, rather than calling z.config(), keeps zod out of every page's JavaScript (most
// pages never load it). lib/validation/zod-config.test.ts checks that zod still reads this object.
import { ZOD_GLOBAL_CONFIG } from "./lib/validation/zod-global-config";

const holder = globalThis as unknown as Record<typeof ZOD_GLOBAL_CONFIG, { jitless?: boolean } | undefined>;
holder[ZOD_GLOBAL_CONFIG] = { ...holder[ZOD_GLOBAL_CONFIG], jitless: true };
