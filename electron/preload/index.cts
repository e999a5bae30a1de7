import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The whole bridge: one call channel and one event channel. The renderer gets
 * no Electron or Node object, only these two functions.
 */
contextBridge.exposeInMainWorld('hearingDesk', {
  invoke: (method: string, input: unknown, session: string | null): Promise<unknown> => ipcRenderer.invoke('app:invoke', method, input, session),
  on: (listener: (event: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on('app:event', forward);
    return () => {
      ipcRenderer.removeListener('app:event', forward);
    };
  },
});
