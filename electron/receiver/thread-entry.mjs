// Worker-thread entry for the receiver: loads the TypeScript through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
