import { useEffect, useRef, useState } from 'react';
import type { DraftPage, SourceBox } from '../../../../shared/contract/intake.ts';
import { useI18n } from '../../i18n/index.ts';
import { pageImageOf, usePageImages } from './pageImages.ts';

interface Props {
  jobId: string;
  pages: DraftPage[];
  /** The focused field's source: its page is shown and its box highlighted. */
  box: SourceBox | null;
  /** The CV's text, shown instead of pages for a Word file (its boxes are line positions). */
  text: string;
}

/** Line height the Word extractor spaces its lines by: a box's y / this is the line's index. */
const DOCX_LINE = 14;

/** The original beside the fields: the page image with the focused field's box on it. */
export function PageViewer({ jobId, pages, box, text }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  // A Word file has no pages to show (nor has a draft without page sizes): its text lines stand in.
  const wordFile = pages.every((p) => p.source === 'docx');
  const [pageNumber, setPageNumber] = useState(box?.page ?? 1);
  const images = usePageImages((s) => s.pages);
  const markRef = useRef<HTMLDivElement>(null);
  const page = pages.find((p) => p.number === pageNumber) ?? pages[0];

  useEffect(() => {
    if (box?.page) setPageNumber(box.page);
  }, [box?.page]);

  useEffect(() => {
    if (!wordFile && page) usePageImages.getState().want(jobId, page.number);
  }, [jobId, page, wordFile]);

  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [box, pageNumber, images]);

  if (wordFile) {
    const lines = text.split('\n');
    const marked = box ? Math.round(box.y / DOCX_LINE) : -1;
    return (
      <div className="page-viewer" aria-label={t('review.original')} role="region">
        <div className="page-toolbar">
          <span>{pages.length ? t('review.wordText') : t('review.cvText')}</span>
        </div>
        <ol className="docx-lines">
          {lines.map((line, i) => (
            <li key={i} className={i === marked ? 'marked' : undefined}>
              {i === marked ? <div ref={markRef} className="docx-mark" aria-hidden="true" /> : null}
              {line || '\u00a0'}
            </li>
          ))}
        </ol>
      </div>
    );
  }

  const loaded = page ? pageImageOf(images, jobId, page.number) : undefined;
  const showBox = box && page && box.page === page.number;

  return (
    <div className="page-viewer" aria-label={t('review.original')} role="region">
      <div className="page-toolbar">
        <button
          type="button"
          className="small ghost"
          disabled={pageNumber <= 1}
          onClick={() => setPageNumber((n) => Math.max(1, n - 1))}
          aria-label={t('review.prevPage')}
        >
          ‹
        </button>
        <span aria-live="polite">{t('review.pageOf', { page: pageNumber, pages: pages.length })}</span>
        <button
          type="button"
          className="small ghost"
          disabled={pageNumber >= pages.length}
          onClick={() => setPageNumber((n) => Math.min(pages.length, n + 1))}
          aria-label={t('review.nextPage')}
        >
          ›
        </button>
      </div>
      <div className="page-sheet">
        {!loaded || loaded === 'loading' ? (
          <p className="page-loading muted">{t('review.loadingPage')}</p>
        ) : 'failed' in loaded ? (
          <p className="alert error">{i18n.error(loaded.failed)}</p>
        ) : (
          <div className="page-frame">
            <img src={loaded.src} alt={t('review.pageImage', { page: pageNumber })} width={loaded.width} height={loaded.height} />
            {showBox && page ? (
              <div
                ref={markRef}
                className="source-box"
                aria-hidden="true"
                // Boxes are in the page's units (points, or pixels of a scan): as a share of the page they fit any image size.
                style={{
                  left: `${(box.x / page.width) * 100}%`,
                  top: `${(box.y / page.height) * 100}%`,
                  width: `${(box.width / page.width) * 100}%`,
                  height: `${(box.height / page.height) * 100}%`,
                }}
              />
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}
