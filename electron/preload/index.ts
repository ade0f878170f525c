import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type KandidatBridge } from '../../shared/contract/transport.ts';

// The sandboxed preload hands the page two functions and nothing else: no
// ipcRenderer, no event objects (they carry `sender`), no Node.
const bridge: KandidatBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input),
  on: (event, listener) => {
    const relay = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('kandidat', bridge);
