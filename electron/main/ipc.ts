import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { RpcResult } from '../../shared/errors.ts';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/transport.ts';
import type { Dispatch } from '../core/rpc/dispatch.ts';
import type { EventBus } from '../core/events.ts';
import type { IsTrustedUrl } from './trust.ts';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Only the top frame of our own window, showing our own page, may call the core.
 * A frame from anywhere else (an iframe, a page the window was somehow navigated
 * to, another webContents) is refused even though the preload is the same.
 */
export function isTrustedSender(event: SenderEvent, window: BrowserWindow | null, isTrustedUrl: IsTrustedUrl): boolean {
  if (!window || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender.id !== contents.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame.detached || frame.parent !== null) return false;
  const main = contents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isTrustedUrl(frame.url);
}

export const FORBIDDEN_SENDER: RpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This frame may not call Kandidat.' },
};

/** The one invoke channel: sender check, then the same dispatch the bridge uses. */
export function registerInvokeChannel(
  ipcMain: Pick<IpcMain, 'handle'>,
  o: { window: () => BrowserWindow | null; isTrustedUrl: IsTrustedUrl; dispatch: Dispatch },
): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, o.window(), o.isTrustedUrl)) return FORBIDDEN_SENDER;
    return o.dispatch(method as string, input);
  });
}

/** Core events to the window, while it shows our own page. Returns the unsubscribe. */
export function forwardEvents(events: EventBus, target: () => WebContents | null, isTrustedUrl: IsTrustedUrl): () => void {
  return events.on((name, payload) => {
    const contents = target();
    if (!contents || contents.isDestroyed() || !isTrustedUrl(contents.getURL())) return;
    contents.send(IPC_EVENT_CHANNEL, name, payload);
  });
}
