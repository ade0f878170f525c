import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../../rpc/errors.ts';

/**
 * Every page is read in Norwegian and English; how depends on the page (measured on the dev
 * corpus and the intake bench, ocr/README.md):
 * - a scan (or a rendered PDF page) is read with the fast Norwegian model alone (`nor_fast`,
 *   from tessdata_fast): on clean 300 dpi pages it reads as well as the best model or better
 *   and ≈ 20–30 % faster; what it reads unsurely or cannot read (e-mail addresses, C#) is
 *   read again with English (`SCAN_READ_AGAIN`, english-words.ts), ≈ 10 % of the time
 *   Tesseract's own `nor_fast+eng` spends on its English second tries;
 * - a photo gets the best Norwegian model (`nor`, best_int) with English (`nor+eng`): on
 *   low-resolution, unevenly lit photos the fast one loses letters of names and e-mail addresses.
 */
export const SCAN_LANGUAGES = 'nor_fast';
/** The second Tesseract of every worker, for what a scan's Norwegian reading needs again. */
export const SCAN_READ_AGAIN = 'eng';
export const PHOTO_LANGUAGES = 'nor+eng';
/** A photo's extra reading for æ, ø, å (norwegian-letters.ts). */
export const NORWEGIAN_ONLY = 'nor';
/** Every language file the engine may load (scans' first, so a missing one is named first). */
export const ALL_LANGUAGES = [...new Set([...SCAN_LANGUAGES.split('+'), SCAN_READ_AGAIN, ...PHOTO_LANGUAGES.split('+'), NORWEGIAN_ONLY])].join('+');

/**
 * resources/tessdata in a checkout, filled by `postinstall` (resources/prepare-tessdata.mjs).
 * The packaged app passes its own resources folder as `langPath` instead.
 */
export const defaultLangPath = (): string => fileURLToPath(new URL('../../../../resources/tessdata/', import.meta.url));

/**
 * Fails at once, with what to do, when a language file is missing or empty: tesseract.js
 * itself would only say so deep inside its worker (or, used naively, hang).
 */
export function assertLanguageData(langPath: string, languages: string = ALL_LANGUAGES): void {
  for (const lang of languages.split('+')) {
    const file = join(langPath, `${lang}.traineddata`);
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      size = -1;
    }
    if (size <= 0) {
      throw new AppError(
        'INTERNAL',
        `OCR language data is missing: ${file} ${size < 0 ? 'does not exist' : 'is empty'}. ` +
          'Run `npm install` (its postinstall step puts nor_fast, nor and eng into resources/tessdata).',
        { langPath, language: lang },
      );
    }
  }
}
