import { useId, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Extra line under the control that is not an error (e.g. Caps Lock). */
  notice?: ReactNode;
  className?: string;
  /** Announce the error the moment it appears (a failed unlock), not only on focus. */
  announce?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, one control, its hint and its error, wired together for screen readers. */
export function Field({ label, hint, error, notice, className, announce, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const noticeId = `${id}-notice`;
  const describedBy = [error ? errorId : null, notice ? noticeId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error ? (
        <p className="field-error" id={errorId} role={announce ? 'alert' : undefined}>
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="field-notice" id={noticeId} role="status">
          {notice}
        </p>
      ) : null}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
