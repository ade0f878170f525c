import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { formatPhone } from '../../shared/phone.ts';
import { brokenPdf, kariCv, noraCv, olaCv, perCv } from './cv-fixtures.ts';
import { expect, rpc, test } from './fixtures.ts';
import { createVault, panel, row } from './helpers.ts';

/** Reading starts a reader thread (pdf.js, mammoth) on first use: allow it a moment. */
const READ_TIMEOUT = 45_000;
// Real reader threads on two shared cores: a whole drop-to-register story needs more than the default minute.
test.describe.configure({ timeout: 150_000 });

interface DroppedFile {
  name: string;
  type: string;
  data: Buffer;
}

/**
 * Screens for a person to look at, when asked (KANDIDAT_E2E_SCREENSHOTS=/tmp/dir).
 * Off by default: the suite keeps no artefacts. The CVs are made up.
 */
async function snap(page: Page, name: string): Promise<void> {
  const dir = process.env.KANDIDAT_E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Drags files over the window and drops them, as the OS would: the overlay must appear first. */
async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, base64: f.data.toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    (window as unknown as { dropping: DataTransfer }).dropping = transfer;
    document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, payload);
  await expect(page.getByText('Slipp CV-ene her')).toBeVisible();
  await expect(page.getByText('E-post (.eml, .msg) føres i tidslinjen', { exact: false })).toBeVisible();
  await page.evaluate(() => {
    const transfer = (window as unknown as { dropping: DataTransfer }).dropping;
    const overlay = document.querySelector('.drop-overlay')!;
    overlay.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    overlay.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  await expect(page.getByText('Slipp CV-ene her')).toBeHidden();
}

/** Every state label a file's row has shown, recorded from the page as it changes. */
async function recordStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { seenStates: typeof seen }).seenStates = seen;
    const look = () => {
      for (const job of document.querySelectorAll('li.job')) {
        const name = job.getAttribute('aria-label') ?? '';
        const state = job.querySelector('.state-badge')?.textContent ?? '';
        const list = (seen[name] ??= []);
        if (list.at(-1) !== state) list.push(state);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const job = (page: Page, fileName: string) => page.getByRole('listitem', { name: fileName, exact: true });

test('drop two CVs and a broken file: progress, the reason, review with the original beside, confirm; the candidates are in the register', async ({
  page,
  kandidat,
}) => {
  await createVault(page, kandidat);
  await page.getByRole('button', { name: 'Mottak' }).click();
  await expect(page.getByRole('heading', { name: 'Mottak', level: 1 })).toBeVisible();
  await expect(page.getByText('Slipp CV-er hvor som helst i vinduet, eller velg filer')).toBeVisible();

  await recordStates(page);
  await dropFiles(page, [
    { name: 'kari-nordmann.pdf', type: 'application/pdf', data: kariCv() },
    { name: 'ola-hansen.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: olaCv() },
    { name: 'ødelagt.pdf', type: 'application/pdf', data: brokenPdf() },
  ]);

  // One row per file, in the order they were dropped.
  const rows = page.getByRole('list', { name: 'Filer' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAccessibleName('kari-nordmann.pdf');
  await expect(rows.nth(2)).toHaveAccessibleName('ødelagt.pdf');

  // The broken one fails alone, with a reason in Norwegian; the others wait for review.
  await expect(job(page, 'ødelagt.pdf')).toContainText('Feilet', { timeout: READ_TIMEOUT });
  await expect(job(page, 'ødelagt.pdf')).toContainText('Filen er skadet og kan ikke leses.');
  // Trying a damaged file again would change nothing: it can be removed, not retried.
  await expect(job(page, 'ødelagt.pdf').getByRole('button', { name: 'Prøv igjen' })).toHaveCount(0);
  await expect(job(page, 'ødelagt.pdf').getByRole('button', { name: 'Fjern ødelagt.pdf fra listen' })).toBeVisible();
  await expect(job(page, 'kari-nordmann.pdf')).toContainText('Til gjennomgang', { timeout: READ_TIMEOUT });
  await expect(job(page, 'ola-hansen.docx')).toContainText('Til gjennomgang', { timeout: READ_TIMEOUT });
  await expect(job(page, 'kari-nordmann.pdf')).toContainText('Kari Nordmann');

  // The rows went through the queue live: each showed a state before its last one.
  const seen = await page.evaluate(() => (window as unknown as { seenStates: Record<string, string[]> }).seenStates);
  for (const name of ['kari-nordmann.pdf', 'ola-hansen.docx', 'ødelagt.pdf']) {
    expect(seen[name]!.length, `${name}: ${seen[name]!.join(' → ')}`).toBeGreaterThan(1);
    expect(seen[name]!.some((s) => ['I kø', 'Leses', 'Tolkes'].includes(s))).toBe(true);
  }
  const totals = page.getByRole('list', { name: 'Totalt' });
  await expect(totals).toContainText('2 Til gjennomgang');
  await expect(totals).toContainText('1 Feilet');
  await expect(page.getByRole('button', { name: 'Mottak' })).toContainText('2');
  await snap(page, 'intake-view');

  // Enter opens the first CV dropped; its page is shown beside its fields.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Gjennomgang av CV' })).toBeVisible();
  const name = page.getByLabel('Navn', { exact: true });
  await expect(name).toHaveValue('Kari Nordmann');
  await expect(name).toBeFocused();
  await expect(page.getByRole('img', { name: 'Side 1 av CV-en' })).toBeVisible({ timeout: READ_TIMEOUT });
  await expect(page.getByLabel('E-post', { exact: true })).toHaveValue('kari.nordmann@example.no');
  await expect(page.getByLabel('Poststed')).toHaveValue('Oslo');
  await expect(page.getByLabel('Stilling').first()).toHaveValue('Sykepleier');
  await expect(page.getByLabel('Arbeidsgiver').first()).toHaveValue('Oslo universitetssykehus');

  // The highlight follows the focused field to where it was read on the page.
  const box = page.locator('.source-box');
  await expect(box).toBeVisible();
  const nameTop = await box.evaluate((el) => (el as HTMLElement).style.top);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByLabel('Tittel')).toBeFocused();
  await page.getByLabel('Tittel').fill('Intensivsykepleier');
  await page.getByLabel('Arbeidsgiver').first().focus();
  await expect.poll(() => box.evaluate((el) => (el as HTMLElement).style.top)).not.toBe(nameTop);
  await snap(page, 'review-pdf');

  // Escape goes back to the queue without losing the correction; Enter comes back to it.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Mottak', level: 1 })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Tittel')).toHaveValue('Intensivsykepleier');

  // Ctrl+Enter confirms and goes on to the next CV in the queue: the Word file, shown as text lines.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toContainText('Kari Nordmann er lagt til.');
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('Ola Hansen');
  await expect(page.getByText('Teksten i Word-filen')).toBeVisible();
  await expect(page.locator('.docx-lines li.marked')).toContainText('Ola Hansen');
  await snap(page, 'review-docx');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toContainText('Ola Hansen er lagt til.');

  // The queue is empty again; the imported rows link to their candidates.
  await expect(page.getByRole('heading', { name: 'Mottak', level: 1 })).toBeVisible();
  await expect(job(page, 'kari-nordmann.pdf')).toContainText('Importert');
  await expect(page.getByRole('list', { name: 'Totalt' })).toContainText('2 Importert');

  // In the register, with their fields filled from the CVs.
  await page.getByRole('button', { name: 'Kandidater' }).click();
  await expect(row(page, 'Kari Nordmann')).toContainText('Oslo');
  await expect(row(page, 'Kari Nordmann')).toContainText(formatPhone('+4791234567'));
  await expect(row(page, 'Ola Hansen')).toContainText('Bergen');
  await expect(row(page, 'Ola Hansen')).toContainText(formatPhone('+4798765432'));
  await row(page, 'Kari Nordmann').click();
  const view = panel(page);
  await expect(view.getByRole('region', { name: 'Kontakt' })).toContainText('kari.nordmann@example.no');
  await expect(view.getByRole('region', { name: 'Kontakt' })).toContainText('Storgata 1');
  await expect(view.getByRole('region', { name: 'Fra CV-en' })).toContainText('Intensivsykepleier');
  await expect(view.getByRole('region', { name: 'Arbeidserfaring' })).toContainText('Sykepleier, Oslo universitetssykehus');
  await expect(view.getByRole('region', { name: 'Utdanning' })).toContainText('OsloMet');
  await expect(view.getByRole('region', { name: 'Språk' })).toContainText('Norsk (morsmål)');
  await expect(view.getByRole('region', { name: 'Dokumenter' })).toContainText('kari-nordmann.pdf');
  await snap(page, 'candidate-profile');

  const { items } = await rpc<{ items: { id: string; name: string }[] }>(page, 'candidates.list', {});
  const kari = await rpc<{ emails: string[]; phones: string[]; address: { street: string; postalCode: string; city: string } }>(
    page,
    'candidates.get',
    { id: items.find((c) => c.name === 'Kari Nordmann')!.id },
  );
  expect(kari.emails).toEqual(['kari.nordmann@example.no']);
  expect(kari.phones).toEqual(['+4791234567']);
  expect(kari.address).toMatchObject({ street: 'Storgata 1', postalCode: '0155', city: 'Oslo' });
});

test('a CV of a candidate already in the register: merge offered with the reason and a field-by-field diff', async ({
  page,
  kandidat,
}) => {
  await createVault(page, kandidat);
  await rpc(page, 'candidates.create', { name: 'Per Olsen', emails: ['per.olsen@example.no'], address: { city: 'Trondheim' } });

  // Ctrl+O opens the file picker.
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles([{ name: 'per-olsen.pdf', mimeType: 'application/pdf', buffer: perCv() }]);
  await expect(page.getByRole('heading', { name: 'Mottak', level: 1 })).toBeVisible();
  await expect(job(page, 'per-olsen.pdf')).toContainText('Til gjennomgang', { timeout: READ_TIMEOUT });
  await expect(page.getByRole('region', { name: 'Til gjennomgang' })).toContainText('1 mulig duplikat');
  await job(page, 'per-olsen.pdf').getByRole('button', { name: 'Gå gjennom' }).click();

  // The match, why it matched, and the merge chosen for an exact e-mail match.
  const duplicates = page.getByRole('region', { name: 'Kan allerede være i registeret' });
  await expect(duplicates).toContainText('Samme e-post');
  await expect(duplicates.getByRole('radio', { name: /Slå sammen med Per Olsen/ })).toBeChecked();
  await expect(duplicates.getByRole('radio', { name: /Opprett ny kandidat/ })).not.toBeChecked();
  const diff = duplicates.getByRole('table');
  await expect(diff.getByRole('row', { name: /Telefon/ })).toContainText(formatPhone('+4741555123'));
  // What only adds is ticked; what both sides agree on has no row, only a mention.
  await expect(diff.getByRole('checkbox', { name: 'Telefon' })).toBeChecked();
  await expect(diff.getByRole('checkbox', { name: 'Arbeidserfaring' })).toBeChecked();
  await expect(diff.getByRole('checkbox', { name: 'E-post' })).toHaveCount(0);
  await expect(duplicates).toContainText('Uendret: Navn, E-post, Adresse.');
  await expect(page.getByRole('img', { name: 'Side 1 av CV-en' })).toBeVisible({ timeout: READ_TIMEOUT });
  await snap(page, 'review-merge');

  // Outside a text box, J and K go on from the field last worked on (here the name).
  await duplicates.getByRole('radio', { name: /Opprett ny kandidat/ }).focus();
  await page.keyboard.press('j');
  await expect(page.getByLabel('Tittel')).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByLabel('E-post', { exact: true })).toBeFocused();
  await page.getByRole('heading', { name: 'Personalia' }).click();
  await page.keyboard.press('k');
  await expect(page.getByLabel('Tittel')).toBeFocused();
  await expect(page.getByLabel('Tittel')).toHaveValue('');

  await page.getByRole('button', { name: 'Godkjenn og slå sammen' }).click();
  await expect(page.getByRole('status')).toContainText('Per Olsen er oppdatert fra CV-en.');
  await expect(job(page, 'per-olsen.pdf')).toContainText('Slått sammen med en kandidat');

  const { items, total } = await rpc<{ total: number; items: { id: string }[] }>(page, 'candidates.list', {});
  expect(total).toBe(1);
  const per = await rpc<{ phones: string[]; emails: string[] }>(page, 'candidates.get', { id: items[0]!.id });
  expect(per.phones).toEqual(['+4741555123']);
  expect(per.emails).toEqual(['per.olsen@example.no']);
  const profile = await rpc<{ resume: { work?: { name?: string }[] } }>(page, 'candidates.profile', { id: items[0]!.id });
  expect(profile.resume?.work?.map((w) => w.name)).toEqual(['Coop Midt-Norge']);
});

test('a job whose period was not read is kept and its dates are marked for the recruiter, not shown as "now"', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles([{ name: 'nora.pdf', mimeType: 'application/pdf', buffer: noraCv() }]);
  await expect(job(page, 'nora.pdf')).toContainText('Til gjennomgang', { timeout: READ_TIMEOUT });
  await job(page, 'nora.pdf').getByRole('button', { name: 'Gå gjennom' }).click();
  await expect(page.getByRole('heading', { name: 'Gjennomgang av CV' })).toBeVisible();

  const work = page.getByRole('region', { name: 'Arbeidserfaring' });
  await expect(work.getByLabel('Arbeidsgiver')).toHaveCount(3);
  await expect(work.getByLabel('Arbeidsgiver').first()).toHaveValue('BDO');
  await expect(work.getByLabel('Stilling').first()).toHaveValue('Controller');
  // The lost period: both dates empty, and marked as not read (not as 'nå').
  const from = work.getByLabel(/^Fra/).first();
  const to = work.getByLabel(/^Til/).first();
  for (const date of [from, to]) {
    await expect(date).toHaveValue('');
    await expect(date).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM');
    await expect(date).toHaveAccessibleDescription('Ikke lest');
  }
  // A read period is neither.
  await expect(work.getByLabel(/^Fra/).nth(1)).toHaveValue('2020-03');
  await expect(work.getByLabel(/^Til/).nth(1)).toHaveValue('2023-05');
  await expect(work.getByLabel(/^Til/).nth(1)).not.toHaveAccessibleDescription(/Ikke lest|Usikker/);
  // The entry itself was read, only less surely: unsure, with its percentage.
  await expect(work.getByLabel(/^Arbeidsgiver/).first()).toHaveAccessibleDescription(/Usikker \(50 %\)/);
  // Focused, the page beside shows where the entry is, so the dates can be read off it.
  await expect(page.getByRole('img', { name: 'Side 1 av CV-en' })).toBeVisible({ timeout: READ_TIMEOUT });
  await from.focus();
  await expect(page.locator('.source-box')).toBeVisible();
  await snap(page, 'review-lost-period');
});
