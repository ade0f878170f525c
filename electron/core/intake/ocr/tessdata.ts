import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../../rpc/errors.ts';

/** The languages every CV is read with: Norwegian first, English second. */
export const OCR_LANGUAGES = 'nor+eng';

/**
 * resources/tessdata in a checkout, filled by `postinstall` (resources/prepare-tessdata.mjs).
 * The packaged app passes its own resources folder as `langPath` instead.
 */
export const defaultLangPath = (): string => fileURLToPath(new URL('../../../../resources/tessdata/', import.meta.url));

/**
 * Fails at once, with what to do, when a language file is missing or empty: tesseract.js
 * itself would only say so deep inside its worker (or, used naively, hang).
 */
export function assertLanguageData(langPath: string, languages: string = OCR_LANGUAGES): void {
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
          'Run `npm install` (its postinstall step unpacks nor+eng into resources/tessdata).',
        { langPath, language: lang },
      );
    }
  }
}
