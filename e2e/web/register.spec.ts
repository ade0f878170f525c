import { formatPhone } from '../../shared/phone.ts';
import { expect, rpc, test } from './fixtures.ts';
import { createVault, panel, PASSPHRASE, row, unlock } from './helpers.ts';

test('create a vault, add and edit a candidate, lock, a wrong passphrase is refused, unlock: the edit is still there', async ({
  page,
  kandidat,
}) => {
  await createVault(page, kandidat);
  await expect(page.getByText('Ingen kandidater ennå.')).toBeVisible();

  // Add a candidate with a Norwegian phone number typed the way people say it.
  await page.getByRole('button', { name: 'Ny kandidat' }).click();
  const form = panel(page);
  await form.getByLabel('Navn').fill('Kari Nordmann');
  await form.getByLabel('E-post', { exact: true }).fill('kari.nordmann@example.no');
  await form.getByLabel('Telefon', { exact: true }).fill('912 34 567');
  await form.getByLabel('Poststed').fill('Oslo');
  await form.getByLabel('Ønskede roller').fill('Sykepleier');
  await form.getByLabel('Ønskede roller').press('Enter');
  await form.getByRole('checkbox', { name: 'Natt' }).check();
  await form.getByRole('button', { name: 'Legg til kandidat' }).click();

  // The view shows it formatted; the core stored E.164.
  const shown = formatPhone('+4791234567');
  await expect(form.getByRole('heading', { name: 'Kari Nordmann' })).toBeVisible();
  await expect(form.getByText(shown)).toBeVisible();
  await expect(form.getByRole('definition').filter({ hasText: 'Sykepleier' }).first()).toBeVisible();
  await expect(row(page, 'Kari Nordmann')).toContainText(shown);
  const [listed] = (await rpc<{ items: { id: string }[] }>(page, 'candidates.list', {})).items;
  const stored = await rpc<{ phones: string[]; availability: { shifts: string[] } }>(page, 'candidates.get', { id: listed!.id });
  expect(stored.phones).toEqual(['+4791234567']);
  expect(stored.availability.shifts).toEqual(['night']);

  // Edit the city.
  await form.getByRole('button', { name: 'Rediger', exact: true }).click();
  await form.getByLabel('Poststed').fill('Bergen');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByRole('heading', { name: 'Kari Nordmann' })).toBeVisible();
  await expect(form.getByRole('region', { name: 'Kontakt' })).toContainText('Bergen');
  const history = form.getByRole('region', { name: 'Endringshistorikk' });
  await expect(history.getByText('Poststed: Oslo → Bergen')).toBeVisible();
  // Only the city changed: nothing else may have been touched by the edit.
  await expect(history.getByText('Endret av Ingrid Rekrutterer')).toHaveCount(1);
  await expect(history).not.toContainText('Telefon:');
  await expect(history).not.toContainText('E-post:');
  await expect(row(page, 'Kari Nordmann')).toContainText('Bergen');

  // Lock; a wrong passphrase shows the message and keeps the vault locked.
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Lås opp Kandidat' })).toBeVisible();
  await page.getByLabel('Passordfrase', { exact: true }).fill('helt feil passordfrase');
  await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Feil passordfrase');
  await expect(page.getByRole('heading', { name: 'Lås opp Kandidat' })).toBeVisible();

  await unlock(page, PASSPHRASE);
  await expect(row(page, 'Kari Nordmann')).toContainText('Bergen');
  await row(page, 'Kari Nordmann').click();
  await expect(panel(page).getByText(shown)).toBeVisible();
  await expect(panel(page).getByRole('region', { name: 'Kontakt' })).toContainText('Bergen');
});

test('deactivate with undo, then reactivate; the history says who did what', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  await rpc(page, 'candidates.create', { name: 'Ola Hansen', phones: ['98765432'], address: { city: 'Trondheim' } });
  await row(page, 'Ola Hansen').click();
  const view = panel(page);
  const status = view.locator('.panel-head .badge');

  await view.getByRole('button', { name: 'Deaktiver' }).click();
  await expect(status).toHaveText('Inaktiv');
  await expect(view.getByRole('button', { name: 'Aktiver igjen' })).toBeVisible();
  // The default filter shows active candidates only.
  await expect(row(page, 'Ola Hansen')).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Angre' }).click();
  await expect(status).toHaveText('Aktiv');
  await expect(row(page, 'Ola Hansen')).toBeVisible();

  await view.getByRole('button', { name: 'Deaktiver' }).click();
  await page.getByRole('combobox', { name: 'Vis' }).selectOption('inactive');
  await expect(row(page, 'Ola Hansen')).toContainText('Inaktiv');
  await view.getByRole('button', { name: 'Aktiver igjen' }).click();
  await expect(status).toHaveText('Aktiv');
  await expect(row(page, 'Ola Hansen')).toHaveCount(0);

  const history = view.getByRole('region', { name: 'Endringshistorikk' });
  // Undo counts as a reactivation too: it is a change like any other.
  await expect(history.getByText('Aktivert igjen av Ingrid Rekrutterer')).toHaveCount(2);
  await expect(history.getByText('Deaktivert av Ingrid Rekrutterer')).toHaveCount(2);
  await expect(history.getByText('Opprettet av Ingrid Rekrutterer')).toBeVisible();
});

test('a phone number the core rejects is marked next to its field', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  await page.getByRole('button', { name: 'Ny kandidat' }).click();
  const form = panel(page);
  await form.getByLabel('Navn').fill('Per Feilnummer');
  await form.getByLabel('Telefon', { exact: true }).fill('123');
  await form.getByRole('button', { name: 'Legg til kandidat' }).click();
  await expect(form.getByLabel('Telefon', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Ikke et gyldig telefonnummer.')).toBeVisible();
  await expect(form.getByLabel('Telefon', { exact: true })).toBeFocused();
});

test('an edit made on an outdated copy is refused with a clear message, and reload shows the newer data', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  const created = await rpc<{ id: string }>(page, 'candidates.create', { name: 'Lise Lund', address: { city: 'Gjøvik' } });
  await row(page, 'Lise Lund').click();
  await panel(page).getByRole('button', { name: 'Rediger', exact: true }).click();
  const form = panel(page);
  await expect(form.getByLabel('Poststed')).toHaveValue('Gjøvik');

  // Someone else saves first.
  await rpc(page, 'candidates.update', { id: created.id, version: 1, patch: { name: 'Lise Lund', address: { city: 'Hamar' } } });

  await form.getByLabel('Poststed').fill('Lillehammer');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByRole('alert')).toContainText('Noen andre har endret denne kandidaten');
  await form.getByRole('button', { name: 'Last inn på nytt' }).click();
  await expect(form.getByLabel('Poststed')).toHaveValue('Hamar');

  await form.getByLabel('Poststed').fill('Lillehammer');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(panel(page).getByRole('region', { name: 'Kontakt' })).toContainText('Lillehammer');
  await expect(panel(page).getByRole('region', { name: 'Endringshistorikk' }).getByText('Poststed: Hamar → Lillehammer')).toBeVisible();
});
