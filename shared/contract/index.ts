import type { z } from 'zod';
import type { MethodDef } from './define.ts';
import { vaultMethods } from './vault.ts';
import { candidateMethods } from './candidates.ts';
import { intakeMethods } from './intake.ts';
import { sharingMethods } from './sharing.ts';
import { clientMethods } from './clients.ts';
import { matchingMethods } from './matching.ts';
import { activityMethods } from './activity.ts';
import { mailMethods } from './mail.ts';
import { searchMethods } from './search.ts';
import { auditMethods, consentMethods, erasureMethods, exportMethods, holdMethods, overviewMethods, requestMethods, retentionMethods } from './privacy.ts';

export * from './define.ts';
export * from './vault.ts';
export * from './candidates.ts';
export * from './intake.ts';
export * from './sharing.ts';
export * from './privacy.ts';
export * from './activity.ts';
export * from './mail.ts';
export * from './clients.ts';
export * from './matching.ts';
export * from './search.ts';

/**
 * The one table of methods. Feature groups are spread in here; a name clash is a
 * type error (see `NoOverlap`) and dispatch checks again at run time.
 */
export const contract = {
  ...vaultMethods,
  ...candidateMethods,
  ...intakeMethods,
  ...auditMethods,
  ...consentMethods,
  ...erasureMethods,
  ...holdMethods,
  ...retentionMethods,
  ...exportMethods,
  ...overviewMethods,
  ...activityMethods,
  ...mailMethods,
  ...sharingMethods,
  ...requestMethods,
  ...clientMethods,
  ...matchingMethods,
  ...searchMethods,
} satisfies Record<string, MethodDef>;

type NoOverlap<A, B> = keyof A & keyof B extends never ? true : ['duplicate method names', keyof A & keyof B];
const _groupsAreDisjoint: NoOverlap<typeof vaultMethods, typeof candidateMethods> = true;
void _groupsAreDisjoint;
const _intakeIsDisjoint: NoOverlap<typeof vaultMethods & typeof candidateMethods, typeof intakeMethods> = true;
void _intakeIsDisjoint;
const _privacyIsDisjoint: NoOverlap<typeof vaultMethods & typeof candidateMethods & typeof intakeMethods, typeof auditMethods> = true;
void _privacyIsDisjoint;
const _consentsAreDisjoint: NoOverlap<typeof vaultMethods & typeof candidateMethods & typeof intakeMethods & typeof auditMethods, typeof consentMethods> = true;
void _consentsAreDisjoint;
const _erasureIsDisjoint: NoOverlap<typeof vaultMethods & typeof candidateMethods & typeof intakeMethods & typeof auditMethods & typeof consentMethods, typeof erasureMethods> = true;
void _erasureIsDisjoint;
const _holdsAreDisjoint: NoOverlap<typeof vaultMethods & typeof candidateMethods & typeof intakeMethods & typeof auditMethods & typeof consentMethods & typeof erasureMethods, typeof holdMethods> = true;
void _holdsAreDisjoint;
const _retentionIsDisjoint: NoOverlap<typeof vaultMethods & typeof candidateMethods & typeof intakeMethods & typeof auditMethods & typeof consentMethods & typeof erasureMethods & typeof holdMethods, typeof retentionMethods> = true;
void _retentionIsDisjoint;
const _exportIsDisjoint: NoOverlap<typeof vaultMethods & typeof candidateMethods & typeof intakeMethods & typeof auditMethods & typeof consentMethods & typeof erasureMethods & typeof holdMethods & typeof retentionMethods, typeof exportMethods> = true;
void _exportIsDisjoint;
const _overviewIsDisjoint: NoOverlap<typeof vaultMethods & typeof candidateMethods & typeof intakeMethods & typeof auditMethods & typeof consentMethods & typeof erasureMethods & typeof holdMethods & typeof retentionMethods & typeof exportMethods, typeof overviewMethods> = true;
void _overviewIsDisjoint;
const _sharingIsDisjoint: NoOverlap<Omit<typeof contract, keyof typeof sharingMethods>, typeof sharingMethods> = true;
void _sharingIsDisjoint;
const _requestsAreDisjoint: NoOverlap<Omit<typeof contract, keyof typeof requestMethods>, typeof requestMethods> = true;
void _requestsAreDisjoint;
const _clientsAreDisjoint: NoOverlap<Omit<typeof contract, keyof typeof clientMethods>, typeof clientMethods> = true;
void _clientsAreDisjoint;
const _matchingIsDisjoint: NoOverlap<Omit<typeof contract, keyof typeof matchingMethods>, typeof matchingMethods> = true;
void _matchingIsDisjoint;

const _activityIsDisjoint: NoOverlap<Omit<typeof contract, keyof typeof activityMethods>, typeof activityMethods> = true;
void _activityIsDisjoint;
const _mailIsDisjoint: NoOverlap<Omit<typeof contract, keyof typeof mailMethods>, typeof mailMethods> = true;
void _mailIsDisjoint;
const _searchIsDisjoint: NoOverlap<Omit<typeof contract, keyof typeof searchMethods>, typeof searchMethods> = true;
void _searchIsDisjoint;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation, defaults and transforms). */
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['__output']>;

export const methodNames = Object.keys(contract) as MethodName[];
