import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.ts';
import { localShortcuts, shortcuts } from './shortcuts.ts';

/** The list of keyboard shortcuts, as a modal dialog (F1 or ?). */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus?.();
    };
  }, []);

  const rows = [...shortcuts.map((s) => ({ keys: s.keys, label: s.label })), ...localShortcuts];

  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="help-inner">
        <header className="panel-head">
          <h2 id="help-title">{t('help.title')}</h2>
          <button type="button" className="ghost icon" aria-label={t('help.close')} onClick={onClose} autoFocus>
            ×
          </button>
        </header>
        <p className="muted">{t('help.intro')}</p>
        <table className="shortcuts">
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <td>
                  {row.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? ' / ' : null}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(row.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
