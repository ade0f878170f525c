/**
 * A grey page as an uncompressed baseline TIFF (one strip, 8 bits per pixel, little-endian),
 * the form in which Tesseract's image library loads a page fastest: about 4 ms against
 * about 65 ms for the same pixels as PGM (whose reader goes through them pixel by pixel) and
 * far more for PNG (measured in the WebAssembly Tesseract, 300 dpi A4). The pixels sit
 * behind a 124-byte header.
 *
 * Like the PGM before it, the file states no resolution, on purpose: Tesseract then estimates
 * it from the height of the text, which reads photos better than our own estimate (a photo's
 * size is taken to be A4): with the resolution stated, the dev corpus's photos scored f1 0.725
 * instead of 0.858; the scans read the same either way.
 */
const TAGS = 9;
const IFD_OFFSET = 8;
const IFD_BYTES = 2 + TAGS * 12 + 4;
/** The pixels start on a 4-byte boundary (after 122 header bytes), so they can be written a word at a time. */
const PIXELS_OFFSET = Math.ceil((IFD_OFFSET + IFD_BYTES) / 4) * 4;

const SHORT = 3;
const LONG = 4;

/**
 * A grey TIFF of this size whose pixels are still to be written into `pixels` (a view of
 * `file`): the preprocessing writes its contrast stretch straight into the file instead of
 * copying the finished page into it (one pass over 8.7 million pixels less, ≈ 5 ms).
 */
export function greyTiff(width: number, height: number): { file: Uint8Array; pixels: Uint8Array } {
  const count = width * height;
  const out = new Uint8Array(PIXELS_OFFSET + count);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49], 0); // "II": little-endian
  view.setUint16(2, 42, true);
  view.setUint32(4, IFD_OFFSET, true);
  view.setUint16(IFD_OFFSET, TAGS, true);
  // Baseline TIFF wants the entries sorted by tag.
  const entries: [tag: number, type: number, value: number][] = [
    [256, LONG, width], // ImageWidth
    [257, LONG, height], // ImageLength
    [258, SHORT, 8], // BitsPerSample
    [259, SHORT, 1], // Compression: none
    [262, SHORT, 1], // PhotometricInterpretation: black is zero
    [273, LONG, PIXELS_OFFSET], // StripOffsets
    [277, SHORT, 1], // SamplesPerPixel
    [278, LONG, height], // RowsPerStrip: the whole page is one strip
    [279, LONG, count], // StripByteCounts
  ];
  entries.forEach(([tag, type, value], i) => {
    const at = IFD_OFFSET + 2 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    if (type === SHORT) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(IFD_OFFSET + 2 + TAGS * 12, 0, true); // no further image
  return { file: out, pixels: out.subarray(PIXELS_OFFSET) };
}
