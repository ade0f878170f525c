import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrPaths, unpackedFromAsar } from './ocr-paths.ts';

describe('OCR paths of the running app', () => {
  it('in a package: models beside app.asar, the worker script from the unpacked copy', () => {
    const resources = join('/opt', 'Kandidat', 'resources');
    const paths = ocrPaths({
      isPackaged: true,
      resourcesPath: resources,
      outMainDir: join(resources, 'app.asar', 'out', 'main'),
      resolveWorkerScript: () => join(resources, 'app.asar', 'node_modules', 'tesseract.js', 'src', 'worker-script', 'node', 'index.js'),
    });
    expect(paths).toEqual({
      langPath: join(resources, 'tessdata'),
      workerScript: join(resources, 'app.asar.unpacked', 'node_modules', 'tesseract.js', 'src', 'worker-script', 'node', 'index.js'),
    });
  });

  it('from the checkout: the repository\'s models and tesseract.js\'s own worker script', () => {
    const paths = ocrPaths({ isPackaged: false, resourcesPath: '/unused', outMainDir: join('/repo', 'out', 'main'), resolveWorkerScript: () => '/unused' });
    expect(paths).toEqual({ langPath: join('/repo', 'resources', 'tessdata') });
  });

  it('leaves a path outside an archive alone, and does not mistake a folder named like it', () => {
    expect(unpackedFromAsar(join('/repo', 'node_modules', 'x.js'))).toBe(join('/repo', 'node_modules', 'x.js'));
    expect(unpackedFromAsar(join('/a', 'app.asar.unpacked', 'x.js'))).toBe(join('/a', 'app.asar.unpacked', 'x.js'));
  });
});

describe('the package keeps what the OCR threads load by path outside app.asar', () => {
  it('unpacks tesseract.js with its WebAssembly core and every module its worker script requires', async () => {
    const { createRequire } = await import('node:module');
    const config = createRequire(import.meta.url)('./electron-builder.config.cjs') as { asarUnpack: string[] };
    for (const name of ['tesseract.js', 'tesseract.js-core', 'wasm-feature-detect', 'bmp-js', 'zlibjs', 'node-fetch', 'whatwg-url']) {
      expect(config.asarUnpack).toContain(`node_modules/${name}/**`);
    }
  });
});
