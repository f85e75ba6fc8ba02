// The only module that touches window.pos (the preload bridge). Everything else calls `call`
// and gets a typed Result back; a broken bridge becomes an error result, never a throw.
import type { PosBridge, PosEventName, PosEvents } from '../../electron/shared/bridge';
import type { Channel, ChannelInput, ChannelOutput, Contract } from '../../electron/shared/contract';
import type { AppError, ErrorCode, Result } from '../../electron/shared/result';

declare global {
  interface Window {
    pos: PosBridge;
  }
}

type PublicChannel = { [C in Channel]: Contract[C]['permission'] extends 'public' ? C : never }[Channel];

/** Channels anyone may call (typed against the contract); an auth error from one of these is an answer, not a lost session. */
const PUBLIC_CHANNELS: ReadonlySet<Channel> = new Set<PublicChannel>([
  'setup.status',
  'setup.complete',
  'auth.users',
  'auth.session',
  'auth.loginPin',
  'auth.loginPassword',
]);

type AuthLostListener = (code: Extract<ErrorCode, 'LOCKED' | 'UNAUTHENTICATED'>, channel: Channel) => void;
let authLostListener: AuthLostListener | null = null;

/** Called when a signed-in call comes back LOCKED or UNAUTHENTICATED (the session store sends the till to sign-in). */
export function onAuthLost(listener: AuthLostListener): () => void {
  authLostListener = listener;
  return () => {
    if (authLostListener === listener) authLostListener = null;
  };
}

const NO_BRIDGE: AppError = {
  code: 'INTERNAL',
  message: 'Brewline could not reach its data on this computer. Restart the app; if it keeps happening, call support.',
};

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && typeof window.pos?.invoke === 'function';
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  if (!hasBridge()) return { ok: false, error: NO_BRIDGE };
  let result: Result<unknown>;
  try {
    result = await window.pos.invoke(channel, input);
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The till did not get an answer. Try again: a repeated sale is recognised and never charged twice.' } };
  }
  if (!result || typeof result !== 'object' || typeof (result as { ok?: unknown }).ok !== 'boolean') {
    return { ok: false, error: { code: 'INTERNAL', message: 'Brewline got an answer it did not understand. Please try again.' } };
  }
  if (!result.ok && (result.error.code === 'LOCKED' || result.error.code === 'UNAUTHENTICATED') && !PUBLIC_CHANNELS.has(channel)) {
    authLostListener?.(result.error.code, channel);
  }
  return result as Result<ChannelOutput<C>>;
}

export type PosEvent = { [E in PosEventName]: { event: E; payload: PosEvents[E] } }[PosEventName];

/** Subscribe to main → renderer events. Returns the unsubscribe function. */
export function onPosEvent(listener: (event: PosEvent) => void): () => void {
  if (!hasBridge() || typeof window.pos.on !== 'function') return () => {};
  return window.pos.on((event, payload) => listener({ event, payload } as PosEvent));
}

/** A v4 UUID for idempotent requests (crypto.randomUUID needs a secure context; fall back to getRandomValues). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
