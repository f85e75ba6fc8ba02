// Sandboxed preload: exposes one small object, window.pos, and nothing of Node or Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type PosBridge, type PosEventName } from './shared/bridge';

const pos: PosBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  on(listener) {
    const handler = (_event: IpcRendererEvent, name: PosEventName, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('pos', pos);
