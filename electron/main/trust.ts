import { APP_ORIGIN } from './app-protocol.ts';

/**
 * `scheme://host[:port]` of a URL. WHATWG gives custom schemes an opaque origin
 * ("null"), so the comparison is done on the parts instead.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

const LOOPBACK_DEV_SERVER = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * The origins our own pages load from: app://kandidat, plus the electron-vite dev
 * server in an unpackaged development run (`npm run dev`), and only if it is loopback.
 */
export function trustedOrigins(o: { isPackaged: boolean; devServerUrl?: string | undefined }): string[] {
  const origins = [APP_ORIGIN];
  if (!o.isPackaged && o.devServerUrl) {
    const dev = originOf(o.devServerUrl);
    if (dev && LOOPBACK_DEV_SERVER.test(dev)) origins.push(dev);
  }
  return origins;
}

export type IsTrustedUrl = (url: string) => boolean;

export const trustedUrlCheck =
  (origins: readonly string[]): IsTrustedUrl =>
  (url) => {
    const origin = originOf(url);
    return origin !== null && origins.includes(origin);
  };
