import { expect, rpc, test } from './fixtures.ts';
import { createVault, panel, row } from './helpers.ts';

const NAME = 'Sigrid Tveitå';
// A loopback port nothing listens on: the item waits in the outbox, nothing leaves the machine.
const ENDPOINT = 'https://127.0.0.1:9/kandidat';

test('sharing: refused without consent with the reason; with consent, exactly what leaves is shown, queued and listed', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  const client = await rpc<{ id: string }>(page, 'clients.create', { name: 'Fjordlager AS', orgNumber: '923609016' });
  const vacancy = await rpc<{ id: string }>(page, 'vacancies.create', { clientId: client.id, title: 'Lagermedarbeider' });
  const candidate = await rpc<{ id: string }>(page, 'candidates.create', {
    name: NAME,
    emails: ['sigrid@example.no'],
    address: { street: 'Bryggen 3', postalCode: '5003', city: 'Bergen', country: 'NO' },
    birthDate: '1991-02-03',
  });

  // Connect the client on the sharing screen; the secret made there is shown once.
  await page.getByRole('button', { name: 'Deling', exact: true }).click();
  const connections = page.getByRole('region', { name: 'Kundeforbindelser' });
  await expect(connections).toContainText('Ingen kunder er koblet til ennå.');
  await connections.getByRole('button', { name: 'Koble til en kunde' }).click();
  const connect = connections.getByRole('form', { name: 'Koble til en kunde' });
  await connect.getByLabel('Mottaksadresse (https://)').fill(ENDPOINT);
  await connect.getByRole('button', { name: 'Lag ny nøkkel' }).click();
  const secret = await connect.getByLabel('Signeringsnøkkel (whsec_…)').inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await expect(connect).toContainText('den vises ikke igjen etter lagring');
  if (process.env.SHARING_SCREENSHOTS) await page.screenshot({ path: `${process.env.SHARING_SCREENSHOTS}/sharing-connect.png`, fullPage: true });
  await connect.getByRole('button', { name: 'Lagre forbindelsen' }).click();
  await expect(page.getByRole('status').getByText('Forbindelsen til Fjordlager AS er lagret.')).toBeVisible();
  await expect(connections.getByRole('row', { name: /Fjordlager AS/ })).toContainText('Norge er i EU/EØS.');
  await expect(connections).not.toContainText(secret.slice(6, 20));

  await page.getByRole('button', { name: 'Kandidater', exact: true }).click();
  await row(page, NAME).click();
  const sharing = panel(page).getByRole('region', { name: 'Deling med kunder' });
  await expect(sharing).toContainText('Ikke delt med noen kunde.');
  await sharing.getByRole('button', { name: 'Del med kunde' }).click();
  const form = sharing.getByRole('form', { name: 'Del med kunde' });
  await expect(form.getByLabel('Kunde')).toHaveValue(client.id);
  // The share is for one of the client's open vacancies (or none in particular).
  await form.getByLabel('Stilling (valgfritt)').selectOption({ label: 'Lagermedarbeider' });
  await form.getByRole('button', { name: 'Vis hva som sendes' }).click();
  await expect(sharing.getByRole('alert')).toContainText('kandidaten har ikke samtykket til deling med denne kunden');
  await expect(sharing.getByRole('button', { name: 'Legg i utboksen' })).toHaveCount(0);

  // The candidate says yes to this client; the same action now shows what leaves.
  await rpc(page, 'privacy.consents.grant', {
    candidateId: candidate.id,
    purpose: 'shareWithClient',
    clientId: client.id,
    source: 'form',
    notice: { version: 'deling-1', text: 'Vi deler profilen din med Fjordlager AS.' },
  });
  await form.getByRole('button', { name: 'Vis hva som sendes' }).click();
  const preview = sharing.getByRole('region', { name: 'Vis hva som sendes' }).locator('pre');
  await expect(preview).toContainText(NAME);
  await expect(preview).toContainText('"city": "Bergen"');
  await expect(preview).toContainText(`"vacancyRef": "${vacancy.id}"`);
  await expect(preview).not.toContainText('1991-02-03');
  await expect(preview).not.toContainText('Bryggen');
  await expect(sharing).toContainText('Fjordlager AS');
  await expect(sharing).toContainText('er i EU/EØS');
  if (process.env.SHARING_SCREENSHOTS) await page.screenshot({ path: `${process.env.SHARING_SCREENSHOTS}/sharing-preview.png` });
  await sharing.getByRole('button', { name: 'Legg i utboksen' }).click();
  await expect(page.getByRole('status').getByText('Profilen er lagt i utboksen til Fjordlager AS.')).toBeVisible();
  await expect(sharing.getByRole('listitem').filter({ hasText: 'Fjordlager AS' })).toContainText('Venter');
  // The vacancy by its title, never its id.
  await expect(sharing.getByRole('listitem').filter({ hasText: 'Fjordlager AS' })).toContainText('Lagermedarbeider');
  await expect(sharing.getByRole('listitem').filter({ hasText: 'Fjordlager AS' })).not.toContainText(vacancy.id);

  // The outbox lists it, waiting (the client does not answer) with its attempts.
  await page.getByRole('button', { name: 'Deling', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Deling med kunder', level: 1 })).toBeVisible();
  await expect(connections.getByRole('row', { name: /Fjordlager AS/ })).toContainText(ENDPOINT);
  const outbox = page.getByRole('table', { name: 'Utboks' });
  const item = outbox.getByRole('row', { name: new RegExp(NAME) });
  await expect(item).toContainText('Fjordlager AS');
  await expect(item).toContainText('Profil');
  await expect(item).toContainText('Venter');
  await expect(item).toContainText('Lagermedarbeider');
  if (process.env.SHARING_SCREENSHOTS) await page.screenshot({ path: `${process.env.SHARING_SCREENSHOTS}/sharing-outbox.png`, fullPage: true });

  // The connection cannot go while the item waits for it; cancelled, it can.
  await connections.getByRole('button', { name: 'Fjern: Fjordlager AS' }).click();
  await expect(connections.getByRole('alert')).toContainText('Det ligger fortsatt noe til denne kunden i utboksen');
  await item.getByRole('button', { name: 'Avbryt sending' }).click();
  await expect(item).toContainText('Avbrutt');
  await connections.getByRole('button', { name: 'Fjern: Fjordlager AS' }).click();
  await expect(connections).toContainText('Ingen kunder er koblet til ennå.');
});
