export * from './contract/index.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './passphrase.ts';
export * from './phone.ts';
