import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n } from '../../i18n/index.ts';
import { useCandidateList } from '../candidates/listStore.ts';
import { useIntake } from './store.ts';
import { routeMailFiles } from '../activity/mailDrop.ts';

/** Extensions offered in the file picker: what can be read, and the usual CVs that cannot (they get a reason). */
const PICKER_ACCEPT = '.pdf,.docx,.jpg,.jpeg,.png,.tif,.tiff,.doc,.odt,.rtf,.pages';

let picker: HTMLInputElement | null = null;

/** Opens the system's file picker (the button and Ctrl+O). */
export function openFilePicker(): void {
  picker?.click();
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** Hands files to the queue and shows them arriving in the intake view. */
function take(dropped: File[]): void {
  // E-mail (.eml/.msg) goes to the timeline of the candidate on screen, not to the CV queue.
  const files = routeMailFiles(dropped);
  if (files.length === 0) return;
  useUi.getState().setView('intake');
  void useIntake.getState().send(files);
}

/**
 * Always mounted while the register is open: keeps the queue live from the core's
 * progress events, and takes files dropped anywhere on the window (a full-window
 * overlay says where they go), picked, or pasted.
 */
export function IntakeRoot() {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const intake = useIntake.getState();
    void intake.load();
    // The register is not on screen while CVs are confirmed here: its rows are refreshed for when it is.
    let refreshTimer: ReturnType<typeof setTimeout> | null = null;
    const offProgress = api().on('intake.progress', ({ job }) => {
      useIntake.getState().apply(job);
      if (job.state === 'accepted' && useUi.getState().view !== 'candidates') {
        refreshTimer ??= setTimeout(() => {
          refreshTimer = null;
          useCandidateList.getState().refresh();
        }, 150);
      }
    });
    const offReconnect = api().onReconnect(() => void useIntake.getState().load());
    return () => {
      offProgress();
      offReconnect();
      if (refreshTimer) clearTimeout(refreshTimer);
    };
  }, []);

  useEffect(() => {
    picker = inputRef.current;
    return () => {
      picker = null;
    };
  }, []);

  useEffect(() => {
    // Dropped files must never make the window navigate to them, wherever they land.
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (event: DragEvent) => {
      // Once shown, the overlay covers the window (its content lets drags through): leaving it is leaving the window.
      if (event.target instanceof HTMLElement && event.target.classList.contains('drop-overlay')) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      take(Array.from(event.dataTransfer?.files ?? []));
    };
    const onPaste = (event: ClipboardEvent) => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      take(files);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, []);

  return (
    <>
      <input
        ref={inputRef}
        id="intake-file-input"
        className="sr-only"
        type="file"
        multiple
        accept={PICKER_ACCEPT}
        tabIndex={-1}
        aria-label={t('intake.pick')}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so the same file can be picked again (it is then recognised as a duplicate).
          event.target.value = '';
          take(files);
        }}
      />
      {dragging ? (
        <div className="drop-overlay" role="presentation">
          <div className="drop-overlay-inner">
            <p className="drop-overlay-title">{t('intake.dropHere')}</p>
            <p className="drop-overlay-hint">{t('intake.dropHint')}</p>
            <p className="drop-overlay-hint">{t('intake.dropMailHint')}</p>
          </div>
        </div>
      ) : null}
    </>
  );
}
