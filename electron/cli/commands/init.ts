import { CliExit, callOrExit, type Command } from '../io.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/passphrase.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** `init --owner-name NAME --owner-email EMAIL`: creates the vault, prints the recovery key once. */
export const runInit: Command = async (args, io, vault) => {
  const ownerName = option(args, '--owner-name');
  const ownerEmail = option(args, '--owner-email');
  if (!ownerName || !ownerEmail) throw new CliExit(64, 'usage: kandidat init --owner-name NAME --owner-email EMAIL');
  const passphrase = await vault.readPassphrase(`New passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters): `);
  if (!io.env.KANDIDAT_PASSPHRASE) {
    const again = await vault.readPassphrase('Repeat the passphrase: ');
    if (again !== passphrase) throw new CliExit(1, 'The passphrases differ. Nothing was created.');
  }
  const core = vault.openCore();
  try {
    const { recoveryKey, status } = await callOrExit<{ recoveryKey: string; status: { vaultId: string } }>(
      core,
      'vault.create',
      { passphrase, ownerName, ownerEmail },
    );
    io.stderr.write(
      `Vault created in ${vault.vaultDir}.\nWrite down this recovery key and keep it somewhere safe. It is shown only once:\n`,
    );
    io.stdout.write(JSON.stringify({ vaultId: status.vaultId, recoveryKey }) + '\n');
    return 0;
  } finally {
    await core.close();
  }
};
