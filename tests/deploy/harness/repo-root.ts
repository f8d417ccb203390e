import { fileURLToPath } from 'node:url';

/** The repository's root directory (where package.json is). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
