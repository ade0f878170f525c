import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/index.ts';
import { Field } from './Field.tsx';

interface Props {
  label: string;
  values: string[];
  onChange(values: string[]): void;
  error?: string | null;
  suggestions?: string[];
}

/** Free-text tags: Enter or comma adds, Backspace in an empty box removes the last one. */
export function TagInput({ label, values, onChange, error, suggestions }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const listId = `${label.replace(/\W+/g, '-')}-suggestions`;

  const commit = () => {
    const tag = draft.trim().replace(/,+$/, '').trim();
    setDraft('');
    if (!tag) return;
    if (values.some((v) => v.toLocaleLowerCase() === tag.toLocaleLowerCase())) return;
    onChange([...values, tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      // Enter adds the tag; it must not submit the form while a tag is being typed.
      if (draft.trim() || event.key === ',') {
        event.preventDefault();
        commit();
      }
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      event.preventDefault();
      onChange(values.slice(0, -1));
    }
  };

  return (
    <Field label={label} error={error ?? null} hint={t('tags.hint')}>
      {(control) => (
        <div className="tags">
          {values.length > 0 ? (
            <ul className="tag-list">
              {values.map((tag) => (
                <li key={tag} className="tag">
                  <span>{tag}</span>
                  <button
                    type="button"
                    className="tag-remove"
                    aria-label={t('tags.remove', { tag })}
                    onClick={() => onChange(values.filter((v) => v !== tag))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            {...control}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={commit}
            list={suggestions?.length ? listId : undefined}
            autoComplete="off"
          />
          {suggestions?.length ? (
            <datalist id={listId}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          ) : null}
        </div>
      )}
    </Field>
  );
}
