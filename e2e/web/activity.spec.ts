import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, rpc, test } from './fixtures.ts';
import { createVault, panel, row } from './helpers.ts';
import { dovecotAvailable, startDovecot } from '../../electron/core/mail/testing/dovecot.ts';
import { eml } from '../../electron/core/mail/testing/messages.ts';

/** Screens for a person to look at, when asked (KANDIDAT_E2E_SCREENSHOTS=/tmp/dir). The people are made up. */
async function snap(page: Page, name: string, section?: string): Promise<void> {
  const dir = process.env.KANDIDAT_E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  if (section) await page.locator(section).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

const EML = [
  'From: Åse Ødegård <ase.odegard@eksempel.no>',
  'To: ingrid@byraa.example',
  'Subject: Ledig fra mandag',
  'Date: Mon, 02 Mar 2026 08:15:00 +0100',
  'Message-ID: <ledig-1@eksempel.no>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Hei! Jeg kan ta nattskift på Hjelmeland lager fra mandag.',
  '',
].join('\r\n');

/** Drags a file over the window and drops it where the OS would. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'message/rfc822' }));
      (window as unknown as { dropping: DataTransfer }).dropping = transfer;
      document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    [name, text] as const,
  );
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await page.evaluate(() => {
    const transfer = (window as unknown as { dropping: DataTransfer }).dropping;
    const overlay = document.querySelector('.drop-overlay')!;
    overlay.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    overlay.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  await expect(page.locator('.drop-overlay')).toBeHidden();
}

test('log a call with Alt+C, drop an e-mail onto the candidate, both on the timeline, search finds the e-mail', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  await rpc(page, 'candidates.create', { name: 'Åse Ødegård', emails: ['ase.odegard@eksempel.no'], phones: ['+4791234567'] });
  await rpc(page, 'candidates.create', { name: 'Bjørn Lie', emails: ['bjorn@eksempel.no'] });
  await page.reload();
  await row(page, 'Åse Ødegård').click();
  await expect(panel(page).getByRole('heading', { name: 'Åse Ødegård' })).toBeVisible();
  const timeline = panel(page).getByRole('list', { name: 'Aktivitet og korrespondanse' });
  await expect(panel(page).getByText('Ingenting logget ennå.', { exact: false })).toBeVisible();

  // The phone rings: Alt+C opens the call dialog for the candidate on screen, its timer running.
  await page.keyboard.press('Alt+c');
  const dialog = page.getByRole('dialog', { name: 'Logg telefonsamtale' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Åse Ødegård')).toBeVisible();
  await expect(dialog.getByLabel('Varighet')).toHaveText(/^0:0[0-9]$/);
  await dialog.getByLabel('Referat').fill('Avtalte intervju torsdag kl. 10.');
  await dialog.getByLabel('Utfall').selectOption({ label: 'Fikk svar' });
  await snap(page, 'activity-call-dialog');
  await dialog.getByRole('button', { name: 'Lagre samtalen' }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByText('Avtalte intervju torsdag kl. 10.')).toBeVisible();
  await expect(timeline.getByText(/Logget av Ingrid Rekrutterer/)).toBeVisible();

  // An e-mail dropped on the window while her screen is open lands on her timeline, not in the CV intake.
  await dropFile(page, 'ledig.eml', EML);
  await expect(timeline.getByText('Ledig fra mandag')).toBeVisible();
  await expect(timeline.getByText('Hei! Jeg kan ta nattskift på Hjelmeland lager fra mandag.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kandidater', level: 1 })).toBeVisible();
  await snap(page, 'activity-timeline', '#sec-activity');

  // A file that is no e-mail is refused with its reason; nothing is added.
  await dropFile(page, 'notat.eml', 'Bare et notat uten e-posthoder\n');
  await expect(page.getByText('Kunne ikke lese notat.eml: filen er ikke en lesbar e-post (.eml eller Outlook .msg)')).toBeVisible();
  await expect(panel(page).getByRole('button', { name: /^E-post/ })).toContainText('1');

  // Filters by kind.
  await panel(page).getByRole('button', { name: /^E-post/ }).click();
  await expect(timeline.getByText('Avtalte intervju torsdag kl. 10.')).toBeHidden();
  await panel(page).getByRole('button', { name: 'Alle' }).click();
  await expect(timeline.getByText('Avtalte intervju torsdag kl. 10.')).toBeVisible();

  // Search finds the e-mail's text (and not the call).
  await panel(page).getByLabel('Søk i korrespondansen').fill('nattskift');
  await expect(timeline.getByText('Ledig fra mandag')).toBeVisible();
  await expect(timeline.getByText('Avtalte intervju torsdag kl. 10.')).toBeHidden();
  await panel(page).getByLabel('Søk hos alle kandidater').check();
  const hits = panel(page).locator('.search-hits');
  await expect(hits.getByRole('button', { name: /Åse Ødegård · E-post/ })).toBeVisible();
  await expect(hits.locator('mark')).toHaveText('nattskift');
  await snap(page, 'activity-search', '#sec-activity');
});

test('interview notes are saved as they are typed', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  const c = await rpc<{ id: string }>(page, 'candidates.create', { name: 'Åse Ødegård' });
  await page.reload();
  await row(page, 'Åse Ødegård').click();
  await panel(page).getByRole('button', { name: 'Start intervju' }).click();
  const form = panel(page).getByRole('form', { name: 'Standardintervju' });
  await form.getByRole('radiogroup', { name: 'Samarbeid: Vurdering (1–5)' }).getByLabel('4').check();
  await form.getByLabel('Samarbeid: Svar og inntrykk').fill('Løste en konflikt på lageret ved å lytte.');
  await expect(form.getByText(/^Lagret/)).toBeVisible();
  await snap(page, 'activity-interview', '#sec-interviews');
  const list = await rpc<{ answers: Record<string, { score: number; text: string }> }[]>(page, 'activity.interviews.list', { candidateId: c.id });
  expect(list[0]!.answers.cooperation).toEqual({ score: 4, text: 'Løste en konflikt på lageret ved å lytte.' });
});

test('the mailbox is set up in the settings, fetched with progress, and its messages land on the candidates', async ({ page, kandidat }) => {
  test.skip(!dovecotAvailable(), 'needs Debian\'s dovecot-imapd (.ci/run installs it)');
  const server = await startDovecot();
  try {
    server.deliver('INBOX', [
      eml({ from: 'ase.odegard@eksempel.no', to: ['ingrid@byraa.example'], subject: 'Vaktliste uke 12', text: 'Jeg tar gjerne helgevaktene.', messageId: 'v-1@eksempel.no' }),
      eml({ from: 'ukjent@annet.no', to: ['ingrid@byraa.example'], subject: 'Tilbud', text: 'Kjøp nå', messageId: 'spam-1@annet.no' }),
    ]);
    await createVault(page, kandidat);
    await rpc(page, 'candidates.create', { name: 'Åse Ødegård', emails: ['ase.odegard@eksempel.no'] });
    await page.getByRole('button', { name: 'Innstillinger' }).click();
    const mail = page.getByRole('region', { name: 'E-post' });
    await mail.getByLabel('Din e-postadresse').fill('ingrid@byraa.example');
    await mail.locator('#imap-host').fill('127.0.0.1');
    await mail.locator('#imap-port').fill(String(server.port));
    await mail.locator('#imap-user').fill(server.user);
    await mail.locator('#imap-password').fill(server.password);
    await mail.locator('label').filter({ hasText: 'Kryptert tilkobling (TLS)' }).first().getByRole('checkbox').uncheck();
    await mail.getByRole('button', { name: 'Lagre e-postoppsettet' }).click();
    await expect(mail.locator('#imap-password')).toHaveAttribute('placeholder', 'Lagret – fyll inn for å bytte');
    await mail.getByRole('button', { name: 'Hent e-post nå' }).click();
    await expect(mail.getByText('INBOX: 2 hentet, 1 logget, 1 uten kandidat, 0 fantes fra før.')).toBeVisible();
    await expect(mail.getByText(/^Sist hentet/)).toBeVisible();
    await snap(page, 'activity-mail-settings', '#settings-mail');

    await page.getByRole('button', { name: 'Kandidater' }).click();
    await row(page, 'Åse Ødegård').click();
    await expect(panel(page).getByRole('list', { name: 'Aktivitet og korrespondanse' }).getByText('Vaktliste uke 12')).toBeVisible();
  } finally {
    await server.stop();
  }
});
