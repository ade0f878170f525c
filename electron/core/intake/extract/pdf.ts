import { getDocument, OPS, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { AppError } from '../../rpc/errors.ts';
import type { ExtractedPage, TextLine } from '../document.ts';
import { orderPage } from './readingOrder.ts';

/**
 * The PDF text layer through pdf.js. Hardened: no eval (CVE-2024-4367), no scripting,
 * no XFA, no font loading into the host, nothing fetched.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js transfers (detaches) the buffer it is given; the caller still needs the bytes for OCR.
  const data = bytes.slice();
  const task = getDocument({
    data,
    isEvalSupported: false,
    enableScripting: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  } as Parameters<typeof getDocument>[0]);
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfOpenError(error);
  }
}

function pdfOpenError(error: unknown): AppError {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PasswordException') {
    return new AppError('UNSUPPORTED_FILE', 'the PDF is password-protected — save an unprotected copy and try again');
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new AppError('UNSUPPORTED_FILE', 'the PDF is damaged or incomplete and cannot be read');
  }
  return new AppError('UNSUPPORTED_FILE', `the PDF cannot be read (${(error as Error)?.message ?? String(error)})`);
}

export interface PdfTextPage {
  page: ExtractedPage;
  /** Visible characters of the text layer, to decide whether the page needs OCR. */
  charCount: number;
  /** The page paints images: a scan, or a photo beside the text. */
  hasImages: boolean;
}

const BOLD_FONT = /(bold|black|heavy|demi|semibold|extrabold|ultrabold|-bd\b|,bold)/i;
// Icon fonts and private-use glyphs carry no text (FontAwesome phone/mail icons).
const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}]/gu;

export async function readPdfTextPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PdfTextPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    const { bold: boldFonts, icons: iconFonts, hasImages } = await classifyFonts(page, Object.keys(content.styles));
    const fragments: Fragment[] = [];
    for (const raw of content.items) {
      if (!('str' in raw)) continue;
      const item = raw as TextItem;
      // Icon fonts (phone, mail, pin glyphs) map to letters like "½" or "Æ": not text.
      if (iconFonts.has(item.fontName)) continue;
      const text = item.str.replace(PRIVATE_USE, ' ');
      if (!text.trim() && item.width <= 0) continue;
      const tx = Util.transform(viewport.transform, item.transform) as number[];
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = tx;
      // Rotated or vertical text (stamps, side labels) would scramble the lines.
      if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) continue;
      const fontSize = Math.hypot(c, d);
      if (fontSize < 3.5) continue; // unreadably small: keyword stuffing for ATS robots
      const width = item.width * (viewport.scale ?? 1);
      fragments.push({
        text,
        x: e,
        baseline: f,
        width,
        fontSize,
        fontName: item.fontName,
        bold: boldFonts.has(item.fontName),
      });
    }
    const lines = mergeIntoSegments(fragments);
    const ordered = orderPage(lines);
    const charCount = ordered.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
    return {
      page: { number: pageNumber, width: viewport.width, height: viewport.height, lines: ordered, source: 'text' },
      charCount,
      hasImages,
    };
  } finally {
    page.cleanup();
  }
}

const ICON_FONT = /(awesome|fontello|icomoon|glyphicons|academicons|entypo|ionicons|octicons|typicons|remixicon|bootstrap-?icons|tabler|lucide|materialicons|material-?symbols|wingding|webdings|zapfdingbats|dingbat|icon|marvosym|fourier-?orn|fa-?(?:solid|regular|brands|light)|fontawesome)/i;

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);

async function classifyFonts(page: PDFPageProxy, fontIds: string[]): Promise<{ bold: Set<string>; icons: Set<string>; hasImages: boolean }> {
  const bold = new Set<string>();
  const icons = new Set<string>();
  // The real font names reach the main thread only with the operator list; that costs a
  // few ms per page and tells section headings and employers from body text.
  let hasImages = true;
  try {
    const ops = await page.getOperatorList();
    hasImages = ops.fnArray.some((fn) => IMAGE_OPS.has(fn));
  } catch {
    return { bold, icons, hasImages };
  }
  for (const id of fontIds) {
    if (!page.commonObjs.has(id)) continue;
    const font = page.commonObjs.get(id) as { name?: string; bold?: boolean; black?: boolean } | undefined;
    const name = font?.name ?? '';
    if (font && (font.bold || font.black || BOLD_FONT.test(name))) bold.add(id);
    if (ICON_FONT.test(name)) icons.add(id);
  }
  return { bold, icons, hasImages };
}

interface Fragment {
  text: string;
  x: number;
  baseline: number;
  width: number;
  fontSize: number;
  fontName: string;
  bold: boolean;
}

/**
 * Joins pdf.js items that sit on one baseline and close together into segments.
 * A wide horizontal gap starts a new segment, so columns and right-aligned dates stay
 * apart until the reading-order step decides what belongs together.
 */
function mergeIntoSegments(items: Fragment[]): TextLine[] {
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((p, q) => {
      const dy = p.item.baseline - q.item.baseline;
      const tol = 0.4 * Math.min(p.item.fontSize, q.item.fontSize);
      if (Math.abs(dy) > tol) return dy;
      return p.item.x - q.item.x || p.index - q.index;
    })
    .map((p) => p.item);
  // Group into rows by baseline.
  const rows: Fragment[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const ref = row?.[0];
    if (row && ref && Math.abs(item.baseline - ref.baseline) <= 0.4 * Math.min(item.fontSize, ref.fontSize)) row.push(item);
    else rows.push([item]);
  }
  const out: TextLine[] = [];
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x);
    let current: { parts: Fragment[]; x0: number; x1: number } | null = null;
    const flush = (): void => {
      if (!current) return;
      const parts = current.parts;
      const text = joinParts(parts).replace(/\s+/g, ' ').trim();
      if (text) {
        const fontSize = Math.max(...parts.map((p) => p.fontSize));
        const baseline = Math.max(...parts.map((p) => p.baseline));
        const boldChars = parts.filter((p) => p.bold).reduce((n, p) => n + p.text.trim().length, 0);
        const allChars = parts.reduce((n, p) => n + p.text.trim().length, 0);
        out.push({
          text,
          x: current.x0,
          y: baseline - fontSize * 0.8,
          width: current.x1 - current.x0,
          height: fontSize,
          fontSize,
          bold: allChars > 0 && boldChars / allChars > 0.6,
          confidence: 1,
        });
      }
      current = null;
    };
    for (const part of row) {
      const isSpace = !part.text.trim();
      if (current && !isSpace) {
        const gap = part.x - current.x1;
        const last = current.parts.findLast((p) => p.text.trim()) ?? part;
        const styleChanges = last.fontName !== part.fontName || Math.abs(last.fontSize - part.fontSize) > 0.5;
        // A wide gap is a column or cell border; a smaller one with a change of font
        // separates a label from its value ("DevOps  AWS, Docker").
        if (gap > Math.max(part.fontSize, 4) * 1.6 || (styleChanges && gap > part.fontSize * 0.7)) flush();
      }
      if (!current) {
        if (isSpace) continue;
        current = { parts: [part], x0: part.x, x1: part.x + part.width };
      } else {
        current.parts.push(part);
        // A space item only separates words; its width must not hide a column gap.
        if (!isSpace) current.x1 = Math.max(current.x1, part.x + part.width);
      }
    }
    flush();
  }
  return out;
}

function joinParts(parts: Fragment[]): string {
  let text = '';
  let end = -Infinity;
  for (const part of parts) {
    if (!part.text.trim()) {
      text += ' ';
      continue;
    }
    const gap = part.x - end;
    if (text && gap > part.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(part.text)) text += ' ';
    text += part.text;
    end = Math.max(end, part.x + part.width);
  }
  return text;
}

export async function closePdf(doc: PDFDocumentProxy): Promise<void> {
  await doc.destroy().catch(() => undefined);
}
