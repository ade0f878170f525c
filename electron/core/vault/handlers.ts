import type { HandlerGroup } from '../rpc/handlers.ts';

export const vaultHandlers: HandlerGroup = {
  'vault.status': (_, { vault }) => vault.status(),
  'vault.create': (input, { vault }) => vault.create(input),
  'vault.unlock': (input, { vault }) => vault.unlock(input),
  'vault.unlockWithRecoveryKey': (input, { vault }) => vault.unlockWithRecoveryKey(input),
  'vault.lock': (_, { vault }) => vault.lock('user'),
  'vault.changePassphrase': (input, { vault }) => vault.changePassphrase(input),
  'vault.forgetRemembered': (_, { vault }) => vault.forgetRemembered(),
  'session.ping': (_, { vault }) => {
    vault.requireSession();
    return vault.touch();
  },
  'settings.get': (_, { vault }) => vault.settings(),
  'settings.update': (input, { vault }) => vault.updateSettings(input),
};
