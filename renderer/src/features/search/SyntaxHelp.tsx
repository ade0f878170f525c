import { useI18n, type MessageKey } from '../../i18n/index.ts';

const LINES: MessageKey[] = [
  'search.syntax.words',
  'search.syntax.or',
  'search.syntax.not',
  'search.syntax.parens',
  'search.syntax.phrase',
  'search.syntax.prefix',
  'search.syntax.fields',
  'search.syntax.folding',
];

/** The query language in a few lines, folded away until asked for. */
export function SyntaxHelp() {
  const { t } = useI18n();
  return (
    <details className="search-help" id="search-help">
      <summary>{t('search.syntaxToggle')}</summary>
      <ul>
        {LINES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </details>
  );
}
