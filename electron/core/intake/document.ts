/**
 * What every extractor produces and the parser consumes: positioned lines of text
 * per page, whatever the source (pdf.js text layer, DOCX via mammoth, OCR).
 * Coordinates are in points from the page's top-left corner (y grows downwards);
 * DOCX has no geometry, so its lines carry y = running line index and x = indent.
 */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Font size in points where known (pdf.js); OCR estimates it from the line height. */
  fontSize?: number;
  bold?: boolean;
  /** DOCX structure where known: a heading level (1–6), or part of a list or table. */
  heading?: number;
  listItem?: boolean;
  tableCell?: { row: number; col: number };
  /** OCR confidence 0–1; 1 for text layers. */
  confidence?: number;
}

export interface ExtractedPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  lines: TextLine[];
  /** How this page's text was obtained. */
  source: 'text' | 'ocr' | 'docx';
  /**
   * OCR only: radians (clockwise positive) the engine turned the page by to level its text
   * lines before reading it. The boxes are on the page as it is; a row of a skewed table is
   * only level once this turn is applied again.
   */
  skew?: number;
}

export interface ExtractedDocument {
  kind: 'pdf' | 'docx' | 'image';
  pages: ExtractedPage[];
  /** Document metadata where the format has it (PDF info dictionary, DOCX core props). */
  meta?: { title?: string; author?: string };
}

/** Where a parsed field came from: page and box, for the review screen's highlight. */
export interface SourceLocation {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}
