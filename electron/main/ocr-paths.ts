import { join, sep } from 'node:path';

/**
 * Where the OCR engine's files are in the running app. In a package, OCR's models sit
 * beside app.asar (extraResources), and tesseract.js's worker script, its WebAssembly core
 * and their dependencies are unpacked next to the archive (asarUnpack): a worker thread
 * loads its script and the .wasm by path with plain fs, which must not depend on Electron's
 * asar support reaching into worker threads. Unpackaged, everything is in the checkout.
 */
export interface OcrPaths {
  langPath: string;
  /** Only in a package: the unpacked copy of tesseract.js's worker script. */
  workerScript?: string;
}

export function ocrPaths(o: { isPackaged: boolean; resourcesPath: string; outMainDir: string; resolveWorkerScript: () => string }): OcrPaths {
  if (!o.isPackaged) return { langPath: join(o.outMainDir, '..', '..', 'resources', 'tessdata') };
  return { langPath: join(o.resourcesPath, 'tessdata'), workerScript: unpackedFromAsar(o.resolveWorkerScript()) };
}

/** `…/app.asar/node_modules/x` → `…/app.asar.unpacked/node_modules/x` (other paths unchanged). */
export function unpackedFromAsar(path: string): string {
  const marker = `${sep}app.asar${sep}`;
  const at = path.indexOf(marker);
  return at < 0 ? path : `${path.slice(0, at)}${sep}app.asar.unpacked${sep}${path.slice(at + marker.length)}`;
}
