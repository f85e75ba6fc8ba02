// The live refund preview: main works out what a refund would hand back (per line and tender),
// what is left and whose approval it needs. Asked again, debounced, whenever the choice changes.
import { useEffect, useRef, useState } from 'react';
import type { RefundPreview, RefundTender, RefundWhat } from '../../../../electron/shared/contract';
import type { Result } from '../../../../electron/shared/result';
import { previewRefund } from '../../stores/refundStore';

const DEBOUNCE_MS = 250;

export interface RefundPreviewState {
  /** The newest answer main gave for this order: its lines, what is left, the currency. */
  base: RefundPreview | null;
  /** Main's refusal when even the first look failed (e.g. nothing is left to refund). */
  baseError: string | null;
  /** The preview of exactly `what` and `tender` (null while on its way, or when there is no choice yet). */
  preview: RefundPreview | null;
  /** Main refused this choice: its sentence. */
  error: string | null;
  /** A preview for the current choice is on its way. */
  pending: boolean;
}

/**
 * `what` null means "no choice yet" (no items picked, no amount typed): nothing of it is sent
 * (a refund of no lines is never asked for); the whole order is previewed instead, only to
 * learn the lines and what is left.
 */
export function useRefundPreview(orderId: string, what: RefundWhat | null, tender: RefundTender): RefundPreviewState {
  const sent = { what: what ?? ({ kind: 'all' } as const), tender };
  const key = JSON.stringify(sent);
  const [answer, setAnswer] = useState<{ key: string; result: Result<RefundPreview> } | null>(null);
  const [base, setBase] = useState<RefundPreview | null>(null);
  const [baseError, setBaseError] = useState<string | null>(null);
  const first = useRef(true);

  useEffect(() => {
    let live = true;
    const ask = () =>
      void previewRefund({ orderId, ...sent }).then((result) => {
        if (!live) return;
        setAnswer({ key, result });
        if (result.ok) {
          setBase(result.value);
          setBaseError(null);
        } else {
          setBaseError((prev) => prev ?? result.error.message);
        }
      });
    // The first look goes at once; later ones wait for the person to stop tapping.
    const timer = first.current ? null : setTimeout(ask, DEBOUNCE_MS);
    if (first.current) {
      first.current = false;
      ask();
    }
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [orderId, key]); // `sent` is described by `key`

  const current = answer?.key === key ? answer.result : null;
  return {
    base,
    baseError: base ? null : baseError,
    preview: what && current?.ok ? current.value : null,
    error: what && current && !current.ok ? current.error.message : null,
    pending: what !== null && current === null,
  };
}
