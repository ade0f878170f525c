import { expect, rpc, test } from './fixtures.ts';
import { createVault, panel, row } from './helpers.ts';

const NAME = 'Åse Ødegård';
const NOTICE = 'Vi tar vare på CV-en din i inntil fire år for å finne nye oppdrag til deg.';

test('consent, a rights request with its deadline, a legal hold, the export and a confirmed erasure', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  await rpc(page, 'candidates.create', { name: NAME, emails: ['ase@example.no'] });
  await row(page, NAME).click();
  const view = panel(page);
  const privacy = view.getByRole('region', { name: 'Personvern' });

  // Consent to keeping the profile, given on the phone, with the words read to her.
  const keep = privacy.getByRole('listitem', { name: 'Lagring for fremtidige stillinger' });
  await expect(keep).toContainText('Ikke gitt');
  await keep.getByRole('button', { name: 'Registrer samtykke: Lagring for fremtidige stillinger' }).click();
  const grant = keep.getByRole('form', { name: 'Registrer samtykke: Lagring for fremtidige stillinger' });
  await grant.getByLabel('Hvordan').selectOption('phone');
  await grant.getByLabel('Versjon av teksten kandidaten fikk').fill('samtykke-1');
  await grant.getByLabel('Teksten kandidaten fikk', { exact: true }).fill(NOTICE);
  await grant.getByRole('button', { name: 'Registrer samtykket' }).click();
  await expect(page.getByRole('status').getByText('Samtykket er registrert.')).toBeVisible();
  await expect(keep).toContainText('Gitt');
  await expect(keep).toContainText('Telefon');
  await keep.getByText('Tekst vist (versjon samtykke-1)').click();
  await expect(keep).toContainText(NOTICE);

  // An access request received today: due in 30 days.
  await privacy.getByRole('button', { name: 'Registrer henvendelse' }).click();
  const opening = privacy.getByRole('form', { name: 'Registrer henvendelse' });
  await opening.getByLabel('Hva ber kandidaten om?').selectOption('access');
  await opening.getByLabel('Mottatt via').selectOption('email');
  await opening.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByRole('status').getByText(/Henvendelsen er registrert\. Frist:/)).toBeVisible();
  await expect(privacy.getByRole('listitem', { name: 'Innsyn' })).toContainText('30 dager igjen');

  // The privacy screen lists it with its deadline, and counts the consent.
  await page.getByRole('button', { name: 'Personvern', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Personvern', level: 1 })).toBeVisible();
  const requests = page.getByRole('region', { name: 'Åpne henvendelser om rettigheter' });
  const request = requests.getByRole('row', { name: new RegExp(NAME) });
  await expect(request).toContainText('Innsyn');
  await expect(request).toContainText('30 dager igjen');
  await expect(page.getByRole('region', { name: 'Samtykker etter formål' })).toContainText('Lagring for fremtidige stillinger 1 med samtykke');
  await expect(page.getByRole('status').filter({ hasText: 'Revisjonsloggen er hel' })).toBeVisible();

  // The export answers the request; it is then recorded as answered.
  const download = page.waitForEvent('download');
  await request.getByRole('button', { name: 'Last ned innsyn' }).click();
  expect((await download).suggestedFilename()).toMatch(/^kandidat-export-.+\.zip$/);
  await request.getByRole('button', { name: 'Marker som besvart: Innsyn' }).click();
  await expect(requests).toContainText('Ingen åpne henvendelser.');

  // A legal hold blocks erasure until released.
  await page.getByRole('button', { name: 'Kandidater', exact: true }).click();
  await row(page, NAME).click();
  await privacy.getByRole('button', { name: 'Sett bevaringsplikt' }).click();
  const hold = privacy.getByRole('form', { name: `Sett bevaringsplikt for ${NAME}` });
  await hold.getByLabel('Begrunnelse').fill('Sak 26-0412');
  await hold.getByRole('button', { name: 'Sett bevaringsplikt' }).click();
  await expect(privacy).toContainText('Gjelder til den oppheves');
  await expect(privacy.getByRole('button', { name: 'Slett kandidaten …' })).toBeDisabled();
  await page.getByRole('button', { name: 'Personvern', exact: true }).click();
  const holds = page.getByRole('region', { name: 'Rettslig bevaringsplikt' });
  await expect(holds.getByRole('row', { name: new RegExp(NAME) })).toContainText('Sak 26-0412');
  await holds.getByRole('button', { name: `Opphev: ${NAME}` }).click();
  await expect(holds).toContainText('Ingen kandidater holdes tilbake nå.');

  // Erasure says what goes and wants the name typed.
  await page.getByRole('button', { name: 'Kandidater', exact: true }).click();
  await row(page, NAME).click();
  await privacy.getByRole('button', { name: 'Slett kandidaten …' }).click();
  const dialog = page.getByRole('dialog', { name: `Slette ${NAME} for godt?` });
  // Escape leaves the dialog (and only the dialog); the name field has the focus when it opens.
  await expect(dialog.getByLabel(`Skriv navnet «${NAME}» for å bekrefte`)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(view).toBeVisible();
  await privacy.getByRole('button', { name: 'Slett kandidaten …' }).click();
  await expect(dialog).toContainText('Dette kan ikke angres.');
  await expect(dialog).toContainText('CV-er og andre dokumenter');
  const confirm = dialog.getByRole('button', { name: 'Slett for godt' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Skriv navnet «${NAME}» for å bekrefte`).fill('Åse');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Skriv navnet «${NAME}» for å bekrefte`).fill(NAME);
  await confirm.click();
  await expect(page.getByRole('status').getByText(`${NAME} er slettet.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(row(page, NAME)).toHaveCount(0);
  await expect(page.getByText('Ingen kandidater ennå.')).toBeVisible();
  expect((await rpc<{ total: number }>(page, 'privacy.erasures.list', {})).total).toBe(1);
});
