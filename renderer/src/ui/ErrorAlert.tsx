import { useI18n } from '../i18n/index.ts';

/**
 * A failure shown where it happened, in words a recruiter can act on (the error's code
 * translated), announced to screen readers; nothing while there is none.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const i18n = useI18n();
  if (error === null || error === undefined || error === false || error === '') return null;
  return (
    <p className="alert error" role="alert">
      {i18n.error(error)}
    </p>
  );
}
