// Worker-thread entry for the receiver: loads the TypeScript through tsx.
import { registerTypeScript } from '../register-typescript.mjs';

registerTypeScript();
await import('./thread.ts');
