import { expect, test } from './fixtures.ts';
import { createVault, panel } from './helpers.ts';

const people = [
  {
    name: 'Øystein Ødegård',
    emails: ['oystein@eksempel.no'],
    address: { street: 'Storgata 1', postalCode: '9008', city: 'Tromsø' },
    desiredRoles: ['Truckfører'],
    notes: 'Har truckførerbevis T1–T4. Snakker engelsk og polsk. Ønsker ikke nattskift.',
  },
  {
    name: 'Åse Aasen',
    emails: ['ase@eksempel.no'],
    address: { street: 'Kongens gate 2', postalCode: '6002', city: 'Ålesund' },
    desiredRoles: ['Lagermedarbeider'],
    notes: 'Kranfører med lang erfaring fra havna. Kan ta nattskift.',
  },
  {
    name: 'Bjørn Bærheim',
    emails: ['bjorn@eksempel.no'],
    address: { street: 'Sandvika 3', postalCode: '1337', city: 'Bærum' },
    desiredRoles: ['Sykepleier'],
    notes: 'Autorisert sykepleier, engelsk flytende.',
  },
];

test('search: fields, boolean operators and folding, snippets, a saved search, a malformed query explained', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  const failures = await page.evaluate(async (list) => {
    let failed = 0;
    for (const person of list) {
      const r = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'candidates.create', input: person }) });
      if (!((await r.json()) as { ok: boolean }).ok) failed++;
    }
    return failed;
  }, people);
  expect(failures).toBe(0);

  // Ctrl+K opens the search with the field focused.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('heading', { name: 'Søk i kandidater', level: 1 })).toBeVisible();
  const field = page.getByRole('searchbox', { name: 'Søk' });
  await expect(field).toBeFocused();
  const results = page.getByRole('list', { name: 'Søkeresultater' });

  // Folding: Tromso finds Tromsø; the snippet marks the word as written in the register.
  await field.fill('Tromso');
  await field.press('Enter');
  await expect(page.getByText('1 treff', { exact: true })).toBeVisible();
  await expect(results.getByRole('button', { name: /Øystein Ødegård/ })).toBeVisible();
  await expect(results.locator('mark')).toHaveText(['Tromsø']);

  // Fields and boolean operators.
  await field.fill('nattskift IKKE truck*');
  await field.press('Enter');
  await expect(page.getByText('1 treff', { exact: true })).toBeVisible();
  await expect(results.getByRole('button', { name: /Åse Aasen/ })).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText('nattskift');

  await field.fill('(rolle:sykepleier OR by:Aalesund) engelsk');
  await field.press('Enter');
  await expect(page.getByText('1 treff', { exact: true })).toBeVisible();
  await expect(results.getByRole('button', { name: /Bjørn Bærheim/ })).toBeVisible();

  await field.fill('by:Aalesund OR Baerum');
  await field.press('Enter');
  await expect(page.getByText('2 treff', { exact: true })).toBeVisible();

  // A filter narrows at once: county.
  await page.getByLabel('Fylke').selectOption({ label: 'Akershus' });
  await expect(page.getByText('1 treff', { exact: true })).toBeVisible();
  await expect(results.getByRole('button', { name: /Bjørn Bærheim/ })).toBeVisible();
  await page.getByRole('button', { name: 'Nullstill filtre' }).click();
  await expect(page.getByText('2 treff', { exact: true })).toBeVisible();

  // Save the search, run something else, run the saved one again.
  await field.fill('engelsk');
  await field.press('Enter');
  await expect(page.getByText('2 treff', { exact: true })).toBeVisible();
  if (process.env.SEARCH_SCREENSHOTS) await page.screenshot({ path: `${process.env.SEARCH_SCREENSHOTS}/search-results.png`, fullPage: true });
  await page.getByLabel('Navn på søket').fill('Engelsktalende');
  await page.getByRole('button', { name: 'Lagre søket' }).click();
  const savedRun = page.getByRole('button', { name: 'Kjør «Engelsktalende»' });
  await expect(savedRun).toBeVisible();
  await field.fill('kranfører');
  await field.press('Enter');
  await expect(page.getByText('1 treff', { exact: true })).toBeVisible();
  await savedRun.click();
  await expect(field).toHaveValue('engelsk');
  await expect(page.getByText('2 treff', { exact: true })).toBeVisible();

  // A malformed query: a clear message with the position, no results replaced by an SQL error.
  await field.fill('truck AND (lager OR');
  await field.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Feil i søket ved tegn 18');
  await expect(alert).toContainText('OR mangler et søkeord');
  await expect(results).toHaveCount(0);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  if (process.env.SEARCH_SCREENSHOTS) await page.screenshot({ path: `${process.env.SEARCH_SCREENSHOTS}/search-error.png`, fullPage: true });
  await field.fill('skil:truck');
  await field.press('Enter');
  await expect(alert).toContainText('«skil» er ikke et felt');

  // Keyboard: from the field to the hits and open one.
  await field.fill('engelsk');
  await field.press('Enter');
  await expect(page.getByText('2 treff', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await field.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(panel(page)).toBeVisible();
});
