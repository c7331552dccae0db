/** Where zod keeps its configuration (`z.config()`): a property of globalThis, shared by every copy of zod. */
export const ZOD_GLOBAL_CONFIG = "__zod_globalConfig";
