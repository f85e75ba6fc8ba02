import type { Result } from './result';

/** Main → renderer events. */
export interface PosEvents {
  'session.locked': { reason: 'idle' | 'manual' };
  /** The session ended by itself (the longest sign-in time passed): the window shows sign-in. */
  'session.ended': { reason: 'expired' };
}
export type PosEventName = keyof PosEvents;

/** What preload exposes as `window.pos`: one invoke and one event subscription. */
export interface PosBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: PosEventName, payload: unknown) => void): () => void;
}

export const IPC_INVOKE = 'pos:invoke';
export const IPC_EVENT = 'pos:event';
