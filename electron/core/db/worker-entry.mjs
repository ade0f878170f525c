// Development and test entry of the database thread: the TypeScript source is
// loaded through tsx. The packaged app loads the bundled worker instead.
import { registerTypeScript } from '../../register-typescript.mjs';

registerTypeScript();
await import('./worker.ts');
