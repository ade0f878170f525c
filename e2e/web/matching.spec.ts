import { expect, rpc, test } from './fixtures.ts';
import { createVault, panel, row } from './helpers.ts';

test('a client and vacancy, the ranking with its explanation, the shortlist through the pipeline', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  // Two candidates whose pictures were edited by hand (intake has its own tests).
  const kari = await rpc<{ id: string }>(page, 'candidates.create', {
    name: 'Kari Nordmann',
    address: { postalCode: '0150', city: 'Oslo' },
    availability: { from: '2026-01-05', extentPercent: 100 },
  });
  await rpc(page, 'picture.update', {
    candidateId: kari.id,
    patch: { competences: [{ name: 'Forklift driver', years: 5 }, { name: 'Warehouse worker', years: 3 }], certificates: [{ name: 'Truck T1-T4' }] },
  });
  const per = await rpc<{ id: string }>(page, 'candidates.create', { name: 'Per Hansen', address: { postalCode: '5003', city: 'Bergen' } });
  await rpc(page, 'picture.update', { candidateId: per.id, patch: { competences: [{ name: 'Lagerarbeider', years: 1 }] } });

  // A client, with an organisation number that fails its check first.
  // Alt+K reaches the clients from anywhere, as the help lists it.
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog').getByRole('row', { name: /Gå til kunder og stillinger/ })).toContainText('Alt+K');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+K');
  await expect(page.getByRole('heading', { name: 'Kunder og stillinger', level: 1 })).toBeFocused();
  await page.getByRole('button', { name: 'Ny kunde' }).click();
  const form = page.getByRole('form', { name: 'Ny kunde' });
  await form.getByLabel('Firmanavn').fill('Lager & Logistikk AS');
  await form.getByLabel('Organisasjonsnummer').fill('923 609 017');
  await form.getByRole('button', { name: 'Legg til kunde' }).click();
  await expect(form.getByText('Ugyldig organisasjonsnummer')).toBeVisible();
  await form.getByLabel('Organisasjonsnummer').fill('923 609 016');
  await form.getByRole('button', { name: 'Legg til kunde' }).click();
  await expect(page.getByRole('heading', { name: 'Lager & Logistikk AS', level: 2 })).toBeVisible();
  await expect(page.getByText('923 609 016')).toHaveCount(2);
  if (process.env.KANDIDAT_SHOTS) await page.screenshot({ path: `${process.env.KANDIDAT_SHOTS}/clients.png`, fullPage: true });

  // A vacancy in Norwegian words; the CV said it in English.
  await page.getByRole('button', { name: 'Ny stilling' }).click();
  const vacancy = page.getByRole('form', { name: 'Ny stilling' });
  await vacancy.getByLabel('Stillingstittel').fill('Truckfører, nattskift');
  await vacancy.getByLabel('Postnummer').fill('0580');
  await vacancy.getByLabel('Påkrevde kompetanser').fill('Truckfører; 2\nLagermedarbeider');
  await vacancy.getByLabel('Påkrevde sertifikater').fill('Truck T4');
  await vacancy.getByRole('button', { name: 'Opprett stilling' }).click();
  await expect(page.getByRole('heading', { name: 'Truckfører, nattskift', level: 1 })).toBeVisible();

  // Edited where it is shown: the form holds what was typed, the same checks apply, Esc leaves it unchanged.
  const editButton = page.getByRole('button', { name: 'Rediger stilling' });
  await editButton.click();
  const edit = page.getByRole('form', { name: 'Rediger stilling' });
  await expect(edit.getByLabel('Stillingstittel')).toBeFocused();
  await expect(edit.getByLabel('Påkrevde kompetanser')).toHaveValue('Truckfører; 2\nLagermedarbeider');
  await expect(edit.getByLabel('Påkrevde sertifikater')).toHaveValue('Truck T4');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(editButton).toBeFocused();
  await page.keyboard.press('Enter');
  await edit.getByLabel('Stillingstittel').fill('Truckfører, nattskift Alnabru');
  await edit.getByLabel('Postnummer').fill('058');
  await edit.getByLabel('Sted').fill('Oslo');
  await edit.getByLabel('Stillingsprosent').fill('80');
  await edit.getByLabel('Ønskede sertifikater').fill('Varme arbeider');
  await edit.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(edit.getByText('Et norsk postnummer har fire siffer.')).toBeVisible();
  await expect(edit.getByLabel('Postnummer')).toHaveAttribute('aria-invalid', 'true');
  if (process.env.KANDIDAT_SHOTS) await page.screenshot({ path: `${process.env.KANDIDAT_SHOTS}/vacancy-edit.png`, fullPage: true });
  await edit.getByLabel('Postnummer').fill('0580');
  await edit.getByLabel('Postnummer').press('Enter');
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Truckfører, nattskift Alnabru', level: 1 })).toBeFocused();
  await expect(page.getByText('Oslo · Snarest · 80 %')).toBeVisible();
  await expect(page.locator('.requirements')).toContainText('Ønskede sertifikaterVarme arbeider');

  // The ranking, and why.
  await page.getByRole('button', { name: 'Finn kandidater' }).click();
  const results = page.getByRole('region', { name: 'Rangering' });
  await expect(results.getByRole('row')).toHaveCount(3);
  await expect(results.getByRole('row').nth(1)).toContainText('Kari Nordmann');
  await expect(results).toContainText('Du bestemmer');
  await results.getByRole('button', { name: 'Forklaring for Per Hansen' }).click();
  const why = page.getByRole('region', { name: 'Forklaring for Per Hansen' });
  await expect(why).toContainText('Mangler påkrevd Truck T4 (motvektstruck).');
  await expect(why.getByRole('meter', { name: 'Påkrevde kompetanser' })).toHaveAttribute('aria-valuenow', '50');
  await results.getByRole('button', { name: 'Forklaring for Kari Nordmann' }).click();
  const kariWhy = page.getByRole('region', { name: 'Forklaring for Kari Nordmann' });
  await expect(kariWhy).toContainText('Har 2 av 2 påkrevde kompetanser: Truckfører og Lagermedarbeider.');
  await kariWhy.getByText('Vekter').click();
  await expect(kariWhy.getByRole('spinbutton', { name: 'Påkrevde kompetanser' })).toHaveValue('30');
  // Only skills count for this vacancy from now on: Per's half of the required skills is half his score.
  for (const factor of ['Sertifikater', 'Tilgjengelighet', 'Bosted']) await kariWhy.getByRole('spinbutton', { name: factor }).fill('0');
  await kariWhy.getByRole('button', { name: 'Bruk vektene og ranger på nytt' }).click();
  await expect(results.getByRole('row').nth(2)).toContainText('Per Hansen');
  await expect(results.getByRole('row').nth(2)).toContainText('50');

  // The recruiter decides: on the shortlist, then through the pipeline by keyboard.
  if (process.env.KANDIDAT_SHOTS) await page.screenshot({ path: `${process.env.KANDIDAT_SHOTS}/ranking.png`, fullPage: true });
  await kariWhy.getByRole('button', { name: 'Sett på kortlisten' }).click();
  // The decision is in the art. 22 log with the ranking it followed.
  await page.getByText('Beslutningslogg (art. 22)').click();
  await expect(page.getByRole('region', { name: /^Rangering / }).first()).toContainText('Kari Nordmann – 100 – Satt på kortlisten');
  const board = page.getByRole('region', { name: 'Kortliste' });
  const card = board.getByRole('button', { name: /^Kari Nordmann/ });
  await expect(board.getByRole('region', { name: /^Kortliste/ })).toContainText('Kari Nordmann');
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await expect(board.getByRole('region', { name: /^Kontaktet/ })).toContainText('Kari Nordmann');
  await expect(card).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(board.getByRole('region', { name: /^Intervjuet/ })).toContainText('Kari Nordmann');
  await expect(card).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(board.getByRole('region', { name: /^Presentert for kunde/ })).toContainText('Kari Nordmann');
  await board.getByRole('button', { name: 'Flytt Kari Nordmann til Plassert' }).click();
  await board.getByLabel('Oppdraget varer til og med').fill('2026-12-31');
  await board.getByRole('button', { name: 'Plasser', exact: true }).click();
  await expect(board.getByRole('region', { name: /^Plassert/ })).toContainText('Kari Nordmann');

  if (process.env.KANDIDAT_SHOTS) await page.screenshot({ path: `${process.env.KANDIDAT_SHOTS}/board.png`, fullPage: true });
  // The placement shows on her record.
  await page.getByRole('button', { name: 'Kandidater', exact: true }).click();
  await row(page, 'Kari Nordmann').click();
  const picture = panel(page).getByRole('region', { name: 'Kompetansebilde' });
  await expect(picture).toContainText('Plassert til');
  await expect(picture).toContainText('Forklift driver · 5 år');
  if (process.env.KANDIDAT_SHOTS) await page.screenshot({ path: `${process.env.KANDIDAT_SHOTS}/picture.png`, fullPage: true });
});
