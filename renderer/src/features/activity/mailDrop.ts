import { MAX_MAIL_BYTES } from '../../../../shared/contract/mail.ts';
import { api } from '../../api/client.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { translate } from '../../i18n/translate.ts';
import { useLocale } from '../../i18n/index.ts';
import { useActivityUi } from './store.ts';

/** E-mail files (.eml, Outlook .msg) go to the timeline, not to the CV intake. */
export const isMailFile = (file: { name: string }) => /\.(eml|msg)$/i.test(file.name);

export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Log dropped e-mail files: on the candidate whose screen is open, otherwise on
 * whoever the addresses belong to; a message matching nobody asks which candidate.
 */
export async function importMailFiles(files: File[], candidateId?: string): Promise<void> {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(useLocale.getState().locale, key, params);
  const toast = useToasts.getState().show;
  let logged = 0;
  // One file per call: a few large messages together would exceed what one call may carry.
  for (const file of files) {
    if (file.size > MAX_MAIL_BYTES) {
      toast({ tone: 'error', text: t('mail.failed', { file: file.name, reason: t('mail.tooLarge', { mb: MAX_MAIL_BYTES / 1024 / 1024 }) }) });
      continue;
    }
    try {
      const bytes = toBase64(await file.arrayBuffer());
      const { results } = await api().call('mail.import', { ...(candidateId ? { candidateId } : {}), files: [{ fileName: file.name, bytes }] });
      for (const r of results) {
        if (r.status === 'logged') logged++;
        if (r.status === 'duplicate') toast({ tone: 'info', text: t('mail.duplicate', { subject: r.subject }) });
        if (r.status === 'failed') toast({ tone: 'error', text: t('mail.failed', { file: r.fileName, reason: t(`mail.error.${r.error?.code ?? 'MALFORMED'}`) }) });
        if (r.status === 'unmatched') useActivityUi.getState().addUnmatched([{ fileName: r.fileName, bytes, result: r }]);
      }
    } catch (error) {
      toast({ tone: 'error', text: t('mail.failed', { file: file.name, reason: error instanceof Error ? error.message : String(error) }) });
    }
  }
  if (logged) toast({ tone: 'info', text: t('mail.dropped', { n: logged }) });
}

/** For the window-wide drop handler: takes the e-mail files, returns the rest for the CV intake. */
export function routeMailFiles(files: File[]): File[] {
  const mail = files.filter(isMailFile);
  if (mail.length === 0) return files;
  const panel = useUi.getState().panel;
  void importMailFiles(mail, panel?.mode === 'view' ? panel.id : undefined);
  return files.filter((f) => !isMailFile(f));
}
