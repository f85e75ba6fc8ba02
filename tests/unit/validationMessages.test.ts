// Every VALIDATION message that can reach a person is a sentence, not schema jargon; every
// free-text field refuses text that cannot be stored faithfully; dates are real calendar days.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract } from '../../electron/shared/contract';
import { BROKEN_TEXT_MESSAGE, day, isCalendarDay, isCleanText, text } from '../../electron/shared/schemas';

/** Words and signs of zod's own messages ("Too big: expected number to be <=999", "Invalid input"). */
const JARGON = /expected|received|invalid input|too big|too small|<=|>=|\bNaN\b|undefined|\bstring\b|\bboolean\b|\bobject\b|\barray\b|regex|uuid|\bnull\b|zod|\bint\b/i;

type Path = (string | number)[];

/** Unwraps optional/nullable/default/pipe wrappers to the schema that holds the shape. */
function inner(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
  if (def.innerType) return inner(def.innerType);
  if (def.type === 'pipe' && def.in) return inner(def.in);
  return schema;
}

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A string field somewhere in a channel's input, and how to build an input holding a value there. */
interface Leaf {
  path: Path;
  build: (value: unknown) => unknown;
}

/**
 * Every string leaf of a schema (objects, arrays, unions). An object's literal fields (a union's
 * discriminator, e.g. `method: 'cash'` or `action: 'order.cancelPaid'`) are filled in, so the value
 * reaches the member that holds the field.
 */
function stringLeaves(schema: z.ZodType): Leaf[] {
  const s = inner(schema);
  const def = defOf(s);
  switch (def.type) {
    case 'string':
      return [{ path: [], build: (v) => v }];
    case 'object': {
      const shape = (s as z.ZodObject).shape as Record<string, z.ZodType>;
      const literals = Object.fromEntries(
        Object.entries(shape)
          .filter(([, v]) => defOf(inner(v)).type === 'literal')
          .map(([k, v]) => [k, (defOf(inner(v)).values as unknown[])[0]]),
      );
      return Object.entries(shape).flatMap(([k, v]) =>
        stringLeaves(v).map((leaf) => ({ path: [k, ...leaf.path], build: (value: unknown) => ({ ...literals, [k]: leaf.build(value) }) })),
      );
    }
    case 'array':
      return stringLeaves(def.element as z.ZodType).map((leaf) => ({ path: [0, ...leaf.path], build: (value: unknown) => [leaf.build(value)] }));
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => stringLeaves(o));
    default:
      return [];
  }
}

const ODD_VALUES: unknown[] = [12345678901234, -1, 1.5, 'x'.repeat(5000), '', {}, [], true, null, '\ud800', 'ok\u202Eevil', '2026-13-01'];

function messagesFor(channel: (typeof CHANNELS)[number], input: unknown): string[] {
  const parsed = contract[channel].input.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

describe('validation messages are written for a person', () => {
  test('odd values in every field of every channel produce sentences without schema jargon', () => {
    const seen = new Set<string>();
    for (const channel of CHANNELS) {
      const schema = contract[channel].input as z.ZodType;
      const shape = inner(schema);
      const keys = shape instanceof z.ZodObject ? Object.keys(shape.shape) : [];
      const inputs: unknown[] = [undefined, 'not an object', 42, [], { unexpectedField: 1 }];
      for (const key of keys) for (const value of ODD_VALUES) inputs.push({ [key]: value });
      for (const leaf of stringLeaves(schema)) for (const value of ODD_VALUES) inputs.push(leaf.build(value));
      inputs.push({ payments: [{ method: 'bitcoin', amount: 1 }] }, { payments: [{ method: 'cash', tendered: 'lots' }] });
      for (const input of inputs) for (const m of messagesFor(channel, input)) seen.add(`${channel}: ${m}`);
    }
    const jargon = [...seen].filter((m) => JARGON.test(m.slice(m.indexOf(': ') + 2)));
    expect(jargon).toEqual([]);
    expect(seen.size).toBeGreaterThan(100); // the sweep really produced messages
  });

  test('the cart quantity limit reads as a sentence (it used to say "Too big: expected number to be <=999")', () => {
    const m = messagesFor('cart.setQuantity', { lineId: 'line-1', quantity: 1000 });
    expect(m).toEqual(['Enter at most 999']);
  });
});

describe('free text refuses characters that cannot be stored faithfully', () => {
  test('a lone surrogate in any free-text field of any channel is refused at that field', () => {
    const missed: string[] = [];
    let checked = 0;
    for (const channel of CHANNELS) {
      const schema = contract[channel].input as z.ZodType;
      for (const leaf of stringLeaves(schema)) {
        const parsed = schema.safeParse(leaf.build('caf\ud800'));
        checked++;
        const hit = !parsed.success && parsed.error.issues.some((i) => i.path.join('.') === leaf.path.join('.'));
        if (!hit) missed.push(`${channel} ${leaf.path.join('.')}`);
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  test('the shared text schema: clean text passes trimmed, odd characters are refused with one plain message', () => {
    const note = text(140);
    expect(note.parse('  extra hot ☕ 👩🏽‍🍳 ')).toBe('extra hot ☕ 👩🏽‍🍳');
    for (const bad of ['\ud800', 'a\udc00b', 'nul\u0000', 'bell\u0007', 'rtl\u202Eoverride', 'iso\u2066late']) {
      const r = note.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      if (!r.success) expect(r.error.issues[0]!.message).toBe(BROKEN_TEXT_MESSAGE);
    }
    expect(isCleanText('line one\nline two\ttab')).toBe(true);
    expect(note.safeParse('x'.repeat(141)).error?.issues[0]?.message).toBe('Use at most 140 characters');
  });
});

describe('days are real calendar days', () => {
  test.each(['2026-13-01', '2026-02-30', '2026-02-29', '2025-04-31', '2026-00-10', '2026-01-00', '0000-01-01', '26-1-1', '2026-1-01', '2026-01-01T00:00'])(
    '%s is refused',
    (value) => {
      expect(day.safeParse(value).success).toBe(false);
    },
  );
  test.each(['2026-01-31', '2028-02-29', '2026-12-31', '2000-02-29'])('%s is accepted', (value) => {
    expect(isCalendarDay(value)).toBe(true);
    expect(day.parse(value)).toBe(value);
  });
  test('audit.list refuses an impossible date with a sentence (it answered INTERNAL or rolled over)', () => {
    expect(messagesFor('audit.list', { toDay: '2026-13-01' })).toEqual(['That date does not exist on the calendar']);
    expect(messagesFor('audit.list', { fromDay: '2026-02-30' })).toEqual(['That date does not exist on the calendar']);
  });
});
