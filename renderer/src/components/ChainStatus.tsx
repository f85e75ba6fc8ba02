import { useRef, useState } from 'react';
import type { AuditVerification, ChainCheck } from '../../../electron/shared/contract';
import { formatDate, formatTime } from '../format';
import { useAuditStore } from '../stores/auditStore';
import { Icon } from './Icon';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const shortHash = (hash: string) => (hash ? hash.slice(0, 16) : '—');

/** The owner's anchor: both chain heads, short, with when they were read. */
export function anchorText(v: AuditVerification, at: string): string {
  const head = (c: ChainCheck) => (c.head ? `#${c.head.seq} ${shortHash(c.head.hash)}` : 'empty');
  return `Brewline audit ${head(v)} · sign-ins ${head(v.signIns)} · ${at}`;
}

function problemLine(name: string, c: ChainCheck): string {
  return `Warning: ${name} was altered${c.brokenAt ? ` at entry #${c.brokenAt.seq}` : ''}. ${c.problem ?? ''}`.trim();
}

/**
 * Both keyed chains: "checking…" while main walks them (off its event loop), then a calm line or
 * an alert, how far the check went, and the chain head to keep somewhere else.
 */
export function ChainStatus({ timeZone }: { timeZone: string | undefined }) {
  const verification = useAuditStore((s) => s.verification);
  const verifying = useAuditStore((s) => s.verifying);
  const verifyError = useAuditStore((s) => s.verifyError);
  const verify = useAuditStore((s) => s.verify);

  const checkAll = (
    <button type="button" className="btn btn--secondary btn--small" onClick={() => void verify(true)} disabled={verifying} aria-busy={verifying || undefined}>
      Check every entry
    </button>
  );

  if (verifying || (!verification && !verifyError)) {
    return (
      <div className="chain chain--unknown" role="status" aria-busy="true">
        <Icon name="clock" className="chain-icon" />
        <span className="chain-text">
          Checking the audit trail…
          <span className="chain-sub">This runs in the background: the till keeps working meanwhile.</span>
        </span>
      </div>
    );
  }
  if (verifyError || !verification) {
    return (
      <div className="chain chain--unknown">
        <span className="chain-text">Could not check the audit trail: {verifyError}</span>
        {checkAll}
      </div>
    );
  }

  const broken = [
    ['the audit trail', verification],
    ['the sign-in history', verification.signIns],
  ].filter(([, c]) => !(c as ChainCheck).intact) as [string, ChainCheck][];
  const legacy = verification.legacy + verification.signIns.legacy;
  const fullAt = verification.fullCheckAt === null ? null : `${formatDate(verification.fullCheckAt, timeZone)} ${formatTime(verification.fullCheckAt, timeZone)}`;
  const scope =
    verification.scope === 'full' || verification.signIns.scope === 'full'
      ? 'Every entry was checked just now.'
      : `The newest entries were checked now; every entry was checked ${fullAt ?? 'earlier'}.`;

  return (
    <>
      {broken.length === 0 ? (
        <div className="chain chain--ok" role="status">
          <Icon name="shield" className="chain-icon" />
          <span className="chain-text">
            Audit trail verified — {count(verification.checked, 'entry', 'entries')} and {count(verification.signIns.checked, 'sign-in event', 'sign-in events')}, no changes detected
            <span className="chain-sub">{scope}</span>
            {legacy > 0 && (
              <span className="chain-sub">
                {count(legacy, 'older entry was', 'older entries were')} written before entries were signed with this till’s key: they cannot prove they are unchanged.
              </span>
            )}
          </span>
          {checkAll}
        </div>
      ) : (
        <div className="chain chain--bad" role="alert">
          <Icon name="warning" className="chain-icon" />
          <span className="chain-text">
            {broken.map(([name, c]) => (
              <span key={name} className="chain-problem">
                {problemLine(name, c)}
              </span>
            ))}
          </span>
          {checkAll}
        </div>
      )}
      <ChainAnchor verification={verification} timeZone={timeZone} />
    </>
  );
}

/** The chain head with a copy button; where the clipboard is refused, the text is selected for Ctrl+C. */
function ChainAnchor({ verification, timeZone }: { verification: AuditVerification; timeZone: string | undefined }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  const now = Date.now();
  const text = anchorText(verification, `${formatDate(now, timeZone)} ${formatTime(now, timeZone)}`);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
      return;
    } catch {
      // The app refuses browser permission requests; fall back to selecting the text.
    }
    input.current?.focus();
    input.current?.select();
    // execCommand needs no permission and still works in Chromium for a user's click.
    setCopied(document.execCommand?.('copy') ? 'copied' : 'select');
  }

  return (
    <div className="chain-anchor">
      <label className="chain-anchor-label" htmlFor="chain-anchor">
        Chain head
      </label>
      <input id="chain-anchor" ref={input} className="chain-anchor-value mono" readOnly value={text} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" className="btn btn--secondary btn--small" onClick={() => void copy()}>
        {copied === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="chain-anchor-hint muted" role="status">
        {copied === 'select'
          ? 'Selected: press Ctrl+C (⌘C on a Mac) to copy it.'
          : 'Keep a copy away from this computer (a notebook, a message to yourself). If anyone rewrites the trail, this head will no longer match.'}
      </span>
    </div>
  );
}
