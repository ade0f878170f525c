// Development and test entry of the intake reader thread: the TypeScript source is
// loaded through tsx. The packaged app loads the bundled worker instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
