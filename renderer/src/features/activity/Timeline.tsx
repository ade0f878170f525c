import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActivityKinds, type ActivityKind, type ActivityRevision, type SearchHit, type TimelineEntry, type TimelinePage } from '../../../../shared/contract/activity.ts';
import { formatPhone } from '../../../../shared/phone.ts';
import { api } from '../../api/client.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { formatDuration, toLocalInput } from './format.ts';
import { importMailFiles } from './mailDrop.ts';
import { useActivityUi } from './store.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const PAGE = 100;

/** Threads of e-mail shown together (oldest first inside), placed where their newest message is. */
type Group = { key: string; entries: TimelineEntry[] };

function groupThreads(items: TimelineEntry[]): Group[] {
  const groups: Group[] = [];
  const byThread = new Map<string, Group>();
  for (const e of items) {
    if (e.kind === 'email' && e.threadKey) {
      const existing = byThread.get(e.threadKey);
      if (existing) {
        existing.entries.unshift(e);
        continue;
      }
      const group = { key: `t:${e.threadKey}`, entries: [e] };
      byThread.set(e.threadKey, group);
      groups.push(group);
    } else groups.push({ key: e.id, entries: [e] });
  }
  return groups;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** The candidate's timeline: every call, e-mail, text, reference check and interview, newest first. */
export function Timeline({ candidateId }: { candidateId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [kinds, setKinds] = useState<ActivityKind[] | null>(null);
  const [query, setQuery] = useState('');
  const [everyone, setEveryone] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [page, setPage] = useState<TimelinePage | null>(null);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [smsOpen, setSmsOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const debounced = useDebounced(query.trim(), 200);
  const mailInput = useRef<HTMLInputElement>(null);
  const csvInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      setPage(
        await api().call('activity.timeline', {
          candidateId,
          limit,
          ...(kinds ? { kinds } : {}),
          ...(debounced ? { query: debounced } : {}),
        }),
      );
      setHits(everyone && debounced ? await api().call('activity.search', { query: debounced, limit: 50 }) : null);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [candidateId, limit, kinds, debounced, everyone]);

  useEffect(() => {
    void load();
    return api().on('activity.changed', (p) => {
      if (p.candidateId === candidateId) void load();
    });
  }, [load, candidateId]);

  const groups = useMemo(() => groupThreads(page?.items ?? []), [page]);
  const toggleKind = (k: ActivityKind) => {
    const current = kinds ?? [];
    const next = current.includes(k) ? current.filter((x) => x !== k) : [...current, k];
    setKinds(next.length ? next : null);
  };

  const importCsv = async (file: File) => {
    const report = await api().call('activity.sms.import', { csv: await file.text() });
    useToasts.getState().show({
      tone: report.errors.length || report.unmatched.length ? 'error' : 'info',
      text: t('sms.imported', { imported: report.imported, duplicates: report.duplicates, unmatched: report.unmatched.length, errors: report.errors.length }),
    });
  };

  return (
    <section aria-labelledby="sec-activity" className="activity">
      <h3 id="sec-activity">{t('activity.title')}</h3>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => useActivityUi.getState().openCall(candidateId)} aria-keyshortcuts="Alt+C" title="Alt+C">
          {t('activity.logCall')}
        </button>
        <button type="button" onClick={() => setSmsOpen((o) => !o)} aria-expanded={smsOpen}>
          {t('activity.logSms')}
        </button>
        <button type="button" onClick={() => mailInput.current?.click()}>
          {t('activity.addEmail')}
        </button>
        <button type="button" className="ghost" onClick={() => csvInput.current?.click()}>
          {t('activity.importSms')}
        </button>
        <input
          ref={mailInput}
          className="sr-only"
          type="file"
          multiple
          accept=".eml,.msg,message/rfc822"
          tabIndex={-1}
          aria-label={t('activity.addEmail')}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void importMailFiles(files, candidateId);
          }}
        />
        <input
          ref={csvInput}
          className="sr-only"
          type="file"
          accept=".csv,text/csv"
          tabIndex={-1}
          aria-label={t('activity.importSms')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importCsv(file);
          }}
        />
      </div>
      {smsOpen ? <SmsForm candidateId={candidateId} onDone={() => setSmsOpen(false)} /> : null}

      <div className="activity-filters">
        <div role="group" aria-label={t('activity.filter')} className="chips">
          <button type="button" className="chip" aria-pressed={kinds === null} onClick={() => setKinds(null)}>
            {t('activity.all')}
          </button>
          {ActivityKinds.map((k) => (
            <button key={k} type="button" className="chip" aria-pressed={kinds?.includes(k) ?? false} onClick={() => toggleKind(k)}>
              {t(`activity.kind.${k}`)} <span className="chip-count">{page?.counts[k] ?? 0}</span>
            </button>
          ))}
        </div>
        <div className="activity-search">
          <input type="search" aria-label={t('activity.search')} placeholder={t('activity.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <label className="check small">
            <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> {t('activity.searchAll')}
          </label>
        </div>
      </div>

      <ErrorAlert error={error} />
      {hits ? <SearchHits hits={hits} i18n={i18n} /> : null}

      {page && page.items.length === 0 ? <p className="muted">{debounced || kinds ? t('activity.emptyFiltered') : t('activity.empty')}</p> : null}
      <ol className="timeline" aria-label={t('activity.title')}>
        {groups.map((g) =>
          g.entries.length > 1 ? (
            <li key={g.key} className="thread">
              <p className="muted small">{t('activity.thread', { n: g.entries.length })}</p>
              <ol>
                {g.entries.map((e) => (
                  <li key={e.id}>
                    <Entry entry={e} />
                  </li>
                ))}
              </ol>
            </li>
          ) : (
            <li key={g.key}>
              <Entry entry={g.entries[0]!} />
            </li>
          ),
        )}
      </ol>
      {page && page.total > page.items.length ? (
        <button type="button" className="ghost" onClick={() => setLimit((l) => l + PAGE)}>
          {t('activity.more', { n: page.total - page.items.length })}
        </button>
      ) : null}
    </section>
  );
}

function SearchHits({ hits, i18n }: { hits: SearchHit[]; i18n: I18n }) {
  const { t } = i18n;
  const openPanel = useUi((s) => s.openPanel);
  return (
    <div className="search-hits">
      <h4>{t('activity.searchHits')}</h4>
      {hits.length === 0 ? <p className="muted">{t('activity.noHits')}</p> : null}
      <ul>
        {hits.map((h) => (
          <li key={h.entryId}>
            <button type="button" className="ghost" onClick={() => openPanel({ mode: 'view', id: h.candidateId })}>
              <strong>{h.candidateName}</strong> · {t(`activity.one.${h.kind}`)} · {i18n.shortMoment(h.at)}
            </button>
            <p className="snippet">
              {h.snippet.split(/(\[[^\]]*\])/).map((part, i) => (part.startsWith('[') && part.endsWith(']') ? <mark key={i}>{part.slice(1, -1)}</mark> : part))}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(entry.body);
  const [history, setHistory] = useState<ActivityRevision[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const editable = entry.kind === 'call' || entry.kind === 'sms' || entry.kind === 'email';

  const save = async () => {
    try {
      await api().call('activity.update', { id: entry.id, version: entry.version, patch: { body } });
      setEditing(false);
      setHistory(null);
    } catch (e) {
      setError(e);
    }
  };
  const download = async (id: string) => {
    const file = await api().call('mail.attachment', { id });
    const bytes = Uint8Array.from(atob(file.bytes), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const facts: string[] = [];
  if (entry.direction) facts.push(t(entry.direction === 'in' ? 'activity.in' : 'activity.out'));
  if (entry.kind === 'call') {
    if (entry.data.durationSec !== undefined) facts.push(formatDuration(entry.data.durationSec));
    if (entry.data.outcome) facts.push(t(`activity.outcome.${entry.data.outcome}`));
  }
  if (entry.data.phone) facts.push(formatPhone(entry.data.phone));
  if (entry.kind === 'email') facts.push(entry.direction === 'in' ? t('activity.from', { who: entry.data.from ?? '' }) : t('activity.to', { who: (entry.data.to ?? []).join(', ') }));

  return (
    <article className={`entry entry-${entry.kind}`} aria-label={`${t(`activity.one.${entry.kind}`)} ${i18n.shortMoment(entry.at)}`}>
      <header className="entry-head">
        <span className={`kind kind-${entry.kind}`}>{t(`activity.one.${entry.kind}`)}</span>
        <time dateTime={entry.at}>{i18n.dateTime(entry.at)}</time>
        {facts.length ? <span className="muted small">{facts.join(' · ')}</span> : null}
      </header>
      {entry.title ? <p className="entry-title">{entry.title}</p> : null}
      {editing ? (
        <div className="field">
          <textarea aria-label={t('activity.edit')} rows={5} value={body} onChange={(e) => setBody(e.target.value)} autoFocus />
          <div className="toolbar">
            <button type="button" className="primary" onClick={() => void save()}>
              {t('activity.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('activity.cancel')}
            </button>
          </div>
        </div>
      ) : entry.body ? (
        <p className="entry-body">{entry.body}</p>
      ) : null}
      {entry.attachments.length ? (
        <ul className="attachments" aria-label={t('activity.attachments')}>
          {entry.attachments.map((a) => (
            <li key={a.id}>
              <button type="button" className="ghost small" onClick={() => void download(a.id)}>
                📎 {a.fileName} <span className="muted">({Math.max(1, Math.round(a.size / 1024))} kB)</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert error={error} />
      <footer className="entry-foot muted small">
        {t('activity.loggedBy', { name: entry.loggedBy.name, when: i18n.shortMoment(entry.loggedAt) })}
        {entry.version > 1 ? `, ${t('activity.editedBy', { name: entry.updatedBy.name, when: i18n.shortMoment(entry.updatedAt) })}` : ''}
        {editable && !editing ? (
          <button type="button" className="ghost small" onClick={() => setEditing(true)}>
            {t('activity.edit')}
          </button>
        ) : null}
        {entry.version > 1 ? (
          <button
            type="button"
            className="ghost small"
            aria-expanded={history !== null}
            onClick={() => (history ? setHistory(null) : void api().call('activity.history', { id: entry.id }).then(setHistory))}
          >
            {history ? t('activity.hideHistory') : t('activity.showHistory', { n: entry.version - 1 })}
          </button>
        ) : null}
      </footer>
      {history ? (
        <ol className="entry-history">
          {history.map((r) => (
            <li key={r.version}>
              <p className="muted small">{t('activity.version', { n: r.version, name: r.changedBy.name, when: i18n.shortMoment(r.changedAt) })}</p>
              <p className="entry-body">{r.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}

function SmsForm({ candidateId, onDone }: { candidateId: string; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [at, setAt] = useState(() => toLocalInput(new Date()));
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className="card inline-form"
      aria-label={t('sms.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void api()
          .call('activity.sms.log', { candidateId, at: new Date(at).toISOString(), direction, phone, text })
          .then(onDone, setError);
      }}
    >
      <div className="field-pair">
        <div className="field">
          <label htmlFor="sms-at">{t('call.at')}</label>
          <input id="sms-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="sms-phone">{t('sms.phone')}</label>
          <input id="sms-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </div>
        <fieldset className="field checks">
          <legend>{t('call.direction')}</legend>
          {(['in', 'out'] as const).map((d) => (
            <label key={d} className="check">
              <input type="radio" name="sms-direction" checked={direction === d} onChange={() => setDirection(d)} /> {t(d === 'in' ? 'call.in' : 'call.out')}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="field">
        <label htmlFor="sms-text">{t('sms.text')}</label>
        <textarea id="sms-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} required />
      </div>
      <ErrorAlert error={error} />
      <div className="toolbar">
        <button type="submit" className="primary">
          {t('sms.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('activity.cancel')}
        </button>
      </div>
    </form>
  );
}
