import type { Session, WebContents } from 'electron';
import type { IsTrustedUrl } from './trust.ts';

export type NavigationDecision = 'allow' | 'offer-external' | 'block';

/**
 * Where a frame may go: our own pages stay in the window; an https link is offered
 * to the system browser (after the user confirms); everything else is dropped.
 */
export function decideNavigation(url: string, isTrustedUrl: IsTrustedUrl): NavigationDecision {
  if (isTrustedUrl(url)) return 'allow';
  return isHttps(url) ? 'offer-external' : 'block';
}

export function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

interface HardeningOptions {
  isTrustedUrl: IsTrustedUrl;
  /** Asks the user, then opens in the system browser (see open-external.ts). */
  offerExternal: (url: string) => void;
}

/**
 * Every webContents the app creates: no navigation away from our pages, no new
 * windows (https links go to the browser after confirmation), no <webview>.
 */
export function hardenWebContents(contents: WebContents, o: HardeningOptions): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    const decision = decideNavigation(event.url, o.isTrustedUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'offer-external') o.offerExternal(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', (event) => {
    if (!o.isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Even our own URLs never get a second window; an https link is offered to the browser.
    if (decideNavigation(url, o.isTrustedUrl) === 'offer-external') o.offerExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The one permission the app uses: writing plain text to the clipboard (the
 * recovery key's copy button), from our own page. Reading the clipboard, camera,
 * notifications, geolocation, devices… are denied without asking.
 */
export function permissionAllowed(permission: string, requestingUrl: string, isTrustedUrl: IsTrustedUrl): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedUrl(requestingUrl);
}

export function restrictPermissions(session: Session, isTrustedUrl: IsTrustedUrl): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl, isTrustedUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, isTrustedUrl));
  session.setDevicePermissionHandler(() => false);
}
