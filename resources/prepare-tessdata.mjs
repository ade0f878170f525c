// Prepares resources/tessdata/, the one folder tesseract.js reads its language data from
// (it wants every language of `nor+eng` under a single langPath). Run by `postinstall`:
// the data comes from the @tesseract.js-data npm packages, so nothing is fetched at run time
// and the multi-megabyte model files never enter git.
//
// We ship the LSTM-only "best_int" models (4.0.0_best_int): the legacy-engine data of the
// 4.0.0 variant is three times larger and unused with OEM 1 (LSTM only). The files are
// unpacked here once, so no worker has to gunzip them on every start.
//
// Scans are read with the fast Norwegian model instead (electron/core/intake/ocr/tessdata.ts).
// No npm package holds it, so it is kept in git (resources/tessdata-fast/, with its licence
// and origin) and copied here as nor_fast.traineddata, beside the others.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const LANGUAGES = ['nor', 'eng'];
const VARIANT = '4.0.0_best_int';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, 'tessdata');
const require = createRequire(import.meta.url);

/** A model already there and not older than its source needs no new copy. */
const upToDate = (out, source) => existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs;

/** Writes beside and renames, so a worker never reads a half-written model. */
function writeAtomically(out, data) {
  const partial = `${out}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, out);
}

mkdirSync(target, { recursive: true });
let missing = 0;
for (const lang of LANGUAGES) {
  let source;
  try {
    source = join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), VARIANT, `${lang}.traineddata.gz`);
  } catch {
    source = null;
  }
  if (!source || !existsSync(source)) {
    console.warn(`prepare-tessdata: @tesseract.js-data/${lang} (${VARIANT}) is not installed; OCR will report missing language data.`);
    missing += 1;
    continue;
  }
  const out = join(target, `${lang}.traineddata`);
  if (upToDate(out, source)) continue;
  writeAtomically(out, gunzipSync(readFileSync(source)));
}
const fastSource = join(here, 'tessdata-fast', 'nor.traineddata');
const fastTarget = join(target, 'nor_fast.traineddata');
if (!existsSync(fastSource)) {
  console.warn(`prepare-tessdata: ${fastSource} is missing; OCR of scans will report missing language data.`);
  missing += 1;
} else if (!upToDate(fastTarget, fastSource) || statSync(fastTarget).size !== statSync(fastSource).size) {
  writeAtomically(fastTarget, readFileSync(fastSource));
}
if (missing === 0) console.log(`prepare-tessdata: nor_fast+${LANGUAGES.join('+')} ready in ${target}`);
