// Node runs of the TypeScript sources (the CLI, browser mode, worker threads, the receiver)
// load them through tsx. tsx turns Node's source maps on, and Node then parses and keeps the
// source map of every module it loads that names one, node_modules included: pdf.js's main
// and worker maps (2.4 + 5.8 MB of JSON) alone hold ≈ 55 MB of V8 heap in every thread that
// reads PDFs (heap after rendering a page: 106 MB with them, 51 MB without). So they stay off;
// KANDIDAT_SOURCE_MAPS=1 turns them back on for stack traces that point into the .ts files.
import { register } from 'tsx/esm/api';

export function registerTypeScript() {
  register();
  if (process.env.KANDIDAT_SOURCE_MAPS !== '1') process.setSourceMapsEnabled(false);
}
