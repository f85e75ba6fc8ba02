// Which business days the report covers: presets from main's "today", or two typed dates.
import type { FormEvent } from 'react';
import { useReportsStore } from '../../stores/reportsStore';
import { TextField } from '../TextField';
import { PRESETS, customRangeProblem } from './periods';

export function PeriodPicker() {
  const preset = useReportsStore((s) => s.preset);
  const custom = useReportsStore((s) => s.custom);
  const today = useReportsStore((s) => s.today);
  const choosePreset = useReportsStore((s) => s.choosePreset);
  const setCustom = useReportsStore((s) => s.setCustom);
  const applyCustom = useReportsStore((s) => s.applyCustom);
  // Say what is wrong only once both dates are in (not while the first is being typed).
  const problem = custom.from && custom.to ? customRangeProblem(custom) : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    applyCustom();
  }

  return (
    <div className="rpt-period">
      <div className="segmented rpt-presets" role="group" aria-label="Period">
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            className={`segmented-option${preset === p.id ? ' segmented-option--on' : ''}`}
            aria-pressed={preset === p.id}
            disabled={!today && p.id !== 'custom'}
            onClick={() => choosePreset(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      {preset === 'custom' && (
        <form className="rpt-custom" onSubmit={submit} aria-label="Custom period">
          <TextField
            label="From"
            type="date"
            value={custom.from}
            max={today ?? undefined}
            onChange={(from) => setCustom({ ...custom, from })}
            error={problem?.field === 'from' ? problem.message : undefined}
          />
          <TextField
            label="To"
            type="date"
            value={custom.to}
            max={today ?? undefined}
            onChange={(to) => setCustom({ ...custom, to })}
            error={problem?.field === 'to' ? problem.message : undefined}
          />
          <button type="submit" className="btn btn--primary" disabled={customRangeProblem(custom) !== null}>
            Show
          </button>
        </form>
      )}
    </div>
  );
}
