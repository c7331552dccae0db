// Runs in the browser before the app's own modules. Zod compiles fast parsers with `new Function`, and probes for
// it even when it would not use it; Remit's Content-Security-Policy forbids eval, so the browser would report a
// violation. Interpreted parsing is fast enough for forms.
import { z } from "zod";

z.config({ jitless: true });
