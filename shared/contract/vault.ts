import { z } from 'zod';
import { defineMethod } from './define.ts';
import { MIN_PASSPHRASE_LENGTH } from '../passphrase.ts';

export type Locale = 'nb' | 'en';

/** Why "remember on this computer" is not offered. */
export type RememberUnavailable = 'desktopOnly' | 'insecureKeychain' | 'noKeychain';

export interface StaffMember {
  id: string;
  name: string;
  email: string;
}

export interface VaultStatus {
  state: 'none' | 'locked' | 'unlocked';
  vaultId: string | null;
  /** The staff member who owns this vault; known only when unlocked. */
  owner: StaffMember | null;
  /** Can this transport keep the key in the OS keychain? `code` says why not, for the renderer to localise. */
  remember: { available: boolean; reason: string | null; code: RememberUnavailable | null; active: boolean };
}

export interface Settings {
  /** Lock the vault after this many minutes without activity; 0 = never. */
  idleLockMinutes: number;
  locale: Locale;
}

const passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, {
  message: `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`,
}).max(1024);

export const vaultMethods = {
  'vault.status': defineMethod<VaultStatus>()(z.object({}).strict()),
  'vault.create': defineMethod<{ status: VaultStatus; recoveryKey: string }>()(
    z.object({
      passphrase,
      ownerName: z.string().trim().min(1).max(200),
      ownerEmail: z.email().max(320),
      remember: z.boolean().default(false),
    }).strict(),
  ),
  'vault.unlock': defineMethod<VaultStatus>()(
    z.object({ passphrase: z.string().min(1).max(1024), remember: z.boolean().default(false) }).strict(),
  ),
  'vault.unlockWithRecoveryKey': defineMethod<VaultStatus>()(
    z.object({
      recoveryKey: z.string().trim().min(1).max(200),
      /** Recovery usually means the passphrase is lost: set a new one at once. */
      newPassphrase: passphrase.optional(),
    }).strict(),
  ),
  'vault.lock': defineMethod<VaultStatus>()(z.object({}).strict()),
  'vault.changePassphrase': defineMethod<{ changed: true }>()(
    z.object({ current: z.string().min(1).max(1024), next: passphrase }).strict(),
  ),
  'vault.forgetRemembered': defineMethod<VaultStatus>()(z.object({}).strict()),
  /** The user is active: pushes back the idle lock. */
  'session.ping': defineMethod<{ idleLockAt: string | null }>()(z.object({}).strict()),
  'settings.get': defineMethod<Settings>()(z.object({}).strict()),
  'settings.update': defineMethod<Settings>()(
    z.object({
      idleLockMinutes: z.number().int().min(0).max(24 * 60).optional(),
      locale: z.enum(['nb', 'en']).optional(),
    }).strict(),
  ),
};
