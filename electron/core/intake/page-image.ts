import type { DraftPage, MethodParsedInput, PageImage, SourceBox } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../rpc/errors.ts';

/**
 * A page of an original for the review screen, where the recruiter reads it beside
 * the extracted fields. Screen resolution, not OCR resolution: enough to read the
 * text, small enough to cross the bridge quickly. Nothing is written to disk.
 *
 * National identity numbers found in the CV are painted over before the image
 * leaves the core: the review screen shows them masked, and so does the page.
 */

/** About a screen's resolution at 100 % zoom: an A4 page becomes ~910×1290 px. */
export const PAGE_IMAGE_DPI = 110;
/** Scans and photos are brought down to about the size of a rendered PDF page. */
export const MAX_IMAGE_SIDE = 1300;
/** A PDF page with an absurd MediaBox is rendered at a lower resolution instead of filling memory. */
const MAX_PDF_PIXELS = 4_000_000;
/** Margin around a national id's box, in page units, so no edge of a digit survives. */
const REDACT_MARGIN = 3;

// pdf.js, its canvas and libvips load at the first page shown, not when the core starts.
// The OCR preprocessing module is the one place sharp is configured (no cache, pixel limit).
async function imaging() {
  const [{ DEFAULT_MAX_INPUT_PIXELS }, { default: sharp }] = await Promise.all([import('./ocr/preprocess.ts'), import('sharp')]);
  return { sharp, maxPixels: DEFAULT_MAX_INPUT_PIXELS };
}

interface Redaction {
  /** The page as the draft measured it (the units of its boxes). */
  page: DraftPage | undefined;
  boxes: SourceBox[];
}

export async function pageImage(ctx: CoreContext, input: MethodParsedInput<'intake.getPageImage'>): Promise<PageImage> {
  const { db } = ctx.vault.requireSession();
  // Only a draft knows where its national ids are, so only a file in review has page images.
  const stored = await db.call('intake.getDraft', { id: input.jobId });
  const pages = (JSON.parse(stored.draft) as { pages?: DraftPage[] }).pages ?? [];
  const ids = stored.nationalIds ? (JSON.parse(stored.nationalIds) as { source: SourceBox | null }[]) : [];
  const redaction: Redaction = {
    page: pages.find((p) => p.number === input.page),
    boxes: ids.flatMap((id) => (id.source && id.source.page === input.page ? [id.source] : [])),
  };
  const original = await db.call('intake.getOriginal', { id: input.jobId });
  switch (original.format) {
    case 'pdf':
      // pdf.js refuses a Node Buffer; a plain view of the same bytes is what it wants.
      return pdfPage(new Uint8Array(original.data.buffer, original.data.byteOffset, original.data.byteLength), input.page, redaction);
    case 'jpeg':
    case 'png':
    case 'tiff':
      return imagePage(original.data, input.page, redaction);
    case 'docx':
      throw new AppError('UNSUPPORTED_FILE', 'A Word file has no page images; its text lines are shown instead.');
  }
}

async function pdfPage(pdf: Uint8Array, page: number, redaction: Redaction): Promise<PageImage> {
  const { renderPdfPage } = await import('./ocr/render.ts');
  const { sharp } = await imaging();
  const rendered = await renderPdfPage(pdf, page, { dpi: PAGE_IMAGE_DPI, maxPixels: MAX_PDF_PIXELS });
  paintOver(rendered.grey, rendered.widthPx, rendered.heightPx, 1, redaction.boxes, rendered.widthPx / rendered.widthPt);
  const png = await sharp(rendered.grey, { raw: { width: rendered.widthPx, height: rendered.heightPx, channels: 1 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { mime: 'image/png', base64: png.toString('base64'), width: rendered.widthPx, height: rendered.heightPx };
}

async function imagePage(bytes: Uint8Array, page: number, redaction: Redaction): Promise<PageImage> {
  const { sharp, maxPixels } = await imaging();
  let pages: number;
  try {
    pages = (await sharp(bytes, { limitInputPixels: false }).metadata()).pages ?? 1;
  } catch (error) {
    throw new AppError('UNSUPPORTED_FILE', `The image cannot be read: ${messageOf(error)}`);
  }
  if (page > pages) throw new AppError('NOT_FOUND', `The image has no page ${page}.`);
  try {
    // .rotate() applies the EXIF orientation: the draft's boxes are in the upright image's pixels.
    const { data, info } = await sharp(bytes, { page: page - 1, limitInputPixels: maxPixels })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (redaction.boxes.length) {
      // Without the page's measured width the scale is unknown: cover the whole image rather than guess.
      const scale = redaction.page ? info.width / redaction.page.width : null;
      if (scale === null) data.fill(0);
      else paintOver(data, info.width, info.height, info.channels, redaction.boxes, scale);
    }
    const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .png({ compressionLevel: 6 })
      .toBuffer();
    return { mime: 'image/png', base64: png.toString('base64'), width: info.width, height: info.height };
  } catch (error) {
    throw new AppError('UNSUPPORTED_FILE', `The image cannot be shown: ${messageOf(error)}`);
  }
}

/** Fills each box (page units × scale = pixels), with a margin, in black. */
function paintOver(pixels: Uint8Array, width: number, height: number, channels: number, boxes: SourceBox[], scale: number): void {
  for (const box of boxes) {
    const x0 = Math.max(0, Math.floor((box.x - REDACT_MARGIN) * scale));
    const y0 = Math.max(0, Math.floor((box.y - REDACT_MARGIN) * scale));
    const x1 = Math.min(width, Math.ceil((box.x + box.width + REDACT_MARGIN) * scale));
    const y1 = Math.min(height, Math.ceil((box.y + box.height + REDACT_MARGIN) * scale));
    for (let y = y0; y < y1; y++) pixels.fill(0, (y * width + x0) * channels, (y * width + x1) * channels);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
