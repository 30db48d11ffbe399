/** Types for build-host.mjs (used by the scale bench). */
export const HOST_BUNDLES: readonly { entry: string; out: string }[];
export function buildHostBundles(root: string): Promise<void>;
export function buildBundles(root: string, bundles: readonly { entry: string; out: string }[]): Promise<void>;
