import { useEffect, useState, type FormEvent } from 'react';
import type { MailAccountView, MailSyncReport } from '../../../../shared/contract/mail.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import './activity.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

interface Server {
  host: string;
  port: string;
  secure: boolean;
  user: string;
  password: string;
}

const emptyServer = (port: number): Server => ({ host: '', port: String(port), secure: true, user: '', password: '' });

/** The mailbox (IMAP, SMTP), fetching it with progress, and marketing e-mail to those who consent. */
export function MailSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const [account, setAccount] = useState<MailAccountView | null>(null);
  const [address, setAddress] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [imap, setImap] = useState<Server>(emptyServer(993));
  const [smtp, setSmtp] = useState<Server>(emptyServer(465));
  const [folders, setFolders] = useState('INBOX');
  const [unsubscribeUrl, setUnsubscribeUrl] = useState('');
  const [unsubscribeAddress, setUnsubscribeAddress] = useState('');
  const [progress, setProgress] = useState<{ folder: string; done: number; total: number } | null>(null);
  const [report, setReport] = useState<MailSyncReport | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');

  const show = (a: MailAccountView | null) => {
    setAccount(a);
    if (!a) return;
    setAddress(a.address);
    setDisplayName(a.displayName);
    setImap({ host: a.imap.host, port: String(a.imap.port), secure: a.imap.secure, user: a.imap.user, password: '' });
    if (a.smtp) setSmtp({ host: a.smtp.host, port: String(a.smtp.port), secure: a.smtp.secure, user: a.smtp.user, password: '' });
    setFolders(a.folders.join(', '));
    setUnsubscribeUrl(a.unsubscribeUrl);
    setUnsubscribeAddress(a.unsubscribeAddress);
  };

  useEffect(() => {
    void api()
      .call('mail.account.get', {})
      .then((r) => show(r.account), setError);
    return api().on('mail.sync.progress', (p) => setProgress(p.finished ? null : { folder: p.folder, done: p.done, total: p.total }));
  }, []);

  const server = (s: Server) => ({ host: s.host.trim(), port: Number(s.port), secure: s.secure, user: s.user, ...(s.password ? { password: s.password } : {}) });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const saved = await api().call('mail.account.save', {
        address,
        displayName,
        imap: server(imap),
        smtp: smtp.host.trim() ? server(smtp) : null,
        folders: folders.split(',').map((f) => f.trim()).filter(Boolean),
        unsubscribeUrl,
        unsubscribeAddress,
      });
      show(saved);
      useToasts.getState().show({ tone: 'info', text: t('mailset.saved') });
    } catch (e) {
      setError(e);
    }
  };

  const sync = async () => {
    setSyncing(true);
    setError(null);
    try {
      setReport(await api().call('mail.sync', {}));
      show((await api().call('mail.account.get', {})).account);
    } catch (e) {
      setError(e);
    } finally {
      setSyncing(false);
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const r = await api().call('mail.campaigns.send', { subject, text });
      useToasts.getState().show({ tone: r.failed.length ? 'error' : 'info', text: t('mailset.sent', { sent: r.sent.length, failed: r.failed.length }) });
    } catch (e) {
      setError(e);
    }
  };

  const serverFields = (prefix: string, s: Server, set: (s: Server) => void, hasPassword: boolean) => (
    <div className="field-pair">
      <div className="field">
        <label htmlFor={`${prefix}-host`}>{t('mailset.host')}</label>
        <input id={`${prefix}-host`} value={s.host} onChange={(e) => set({ ...s, host: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-port`}>{t('mailset.port')}</label>
        <input id={`${prefix}-port`} inputMode="numeric" value={s.port} onChange={(e) => set({ ...s, port: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-user`}>{t('mailset.user')}</label>
        <input id={`${prefix}-user`} value={s.user} autoComplete="off" onChange={(e) => set({ ...s, user: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-password`}>{t('mailset.password')}</label>
        <input
          id={`${prefix}-password`}
          type="password"
          autoComplete="new-password"
          placeholder={hasPassword ? t('mailset.passwordKept') : ''}
          value={s.password}
          onChange={(e) => set({ ...s, password: e.target.value })}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={s.secure} onChange={(e) => set({ ...s, secure: e.target.checked })} /> {t('mailset.secure')}
      </label>
    </div>
  );

  return (
    <section className="card mail-settings activity" aria-labelledby="settings-mail">
      <h2 id="settings-mail">{t('mailset.title')}</h2>
      <p className="muted">{t('mailset.intro')}</p>
      <form onSubmit={(e) => void save(e)}>
        <div className="field-pair">
          <div className="field">
            <label htmlFor="mail-address">{t('mailset.address')}</label>
            <input id="mail-address" type="email" value={address} required onChange={(e) => setAddress(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="mail-name">{t('mailset.displayName')}</label>
            <input id="mail-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          </div>
        </div>
        <h3>{t('mailset.imap')}</h3>
        {serverFields('imap', imap, setImap, account?.imap.hasPassword ?? false)}
        <div className="field">
          <label htmlFor="mail-folders">{t('mailset.folders')}</label>
          <input id="mail-folders" value={folders} onChange={(e) => setFolders(e.target.value)} />
        </div>
        <h3>{t('mailset.smtp')}</h3>
        {serverFields('smtp', smtp, setSmtp, account?.smtp?.hasPassword ?? false)}
        <div className="field-pair">
          <div className="field">
            <label htmlFor="mail-unsub-url">{t('mailset.unsubscribeUrl')}</label>
            <input id="mail-unsub-url" type="url" value={unsubscribeUrl} onChange={(e) => setUnsubscribeUrl(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="mail-unsub-address">{t('mailset.unsubscribeAddress')}</label>
            <input id="mail-unsub-address" type="email" value={unsubscribeAddress} onChange={(e) => setUnsubscribeAddress(e.target.value)} />
          </div>
        </div>
        <button type="submit" className="primary">
          {t('mailset.save')}
        </button>
      </form>

      {account ? (
        <div className="mail-sync">
          <div className="toolbar">
            <button type="button" disabled={syncing} onClick={() => void sync()}>
              {t('mailset.sync')}
            </button>
            {syncing ? (
              <button type="button" className="ghost" onClick={() => void api().call('mail.sync.cancel', {})}>
                {t('mailset.cancel')}
              </button>
            ) : null}
            <span className="muted small">{account.lastSyncAt ? t('mailset.lastSync', { when: i18n.shortMoment(account.lastSyncAt) }) : t('mailset.neverSynced')}</span>
          </div>
          {progress ? (
            <p>
              <progress max={Math.max(1, progress.total)} value={progress.done} /> {t('mailset.progress', progress)}
            </p>
          ) : null}
          {report
            ? report.folders.map((f) => (
                <p key={f.folder} className="small">
                  {f.folder}: {t('mailset.report', f)}
                </p>
              ))
            : null}
        </div>
      ) : null}

      <ErrorAlert error={error} />

      {account?.smtp ? (
        <form className="mail-campaign" onSubmit={(e) => void send(e)}>
          <h3>{t('mailset.campaign')}</h3>
          <p className="muted small">{t('mailset.campaignIntro')}</p>
          <div className="field">
            <label htmlFor="campaign-subject">{t('mailset.subject')}</label>
            <input id="campaign-subject" value={subject} required onChange={(e) => setSubject(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="campaign-text">{t('mailset.text')}</label>
            <textarea id="campaign-text" rows={5} value={text} required onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit">{t('mailset.send')}</button>
        </form>
      ) : null}
    </section>
  );
}
