import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { MenuItemView } from '../../../electron/shared/contract';
import { CartPanel } from '../components/CartPanel';
import { CustomerDialog } from '../components/CustomerDialog';
import { DiscountDialog } from '../components/DiscountDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { LineDialog } from '../components/LineDialog';
import { MenuGrid } from '../components/MenuGrid';
import { ModifierDialog } from '../components/ModifierDialog';
import { ParkDialog } from '../components/ParkDialog';
import { ParkedDialog } from '../components/ParkedDialog';
import { PaymentDialog } from '../components/PaymentDialog';
import { CounterShiftBanner } from '../components/shift/ShiftBanners';
import { menuIndex, searchIndex } from '../menuSearch';
import { useCartStore } from '../stores/cartStore';
import { hasPermission, useSessionStore } from '../stores/sessionStore';
import { useShiftStore } from '../stores/shiftStore';

type Open =
  | { kind: 'charge' }
  | { kind: 'discount'; lineId?: string }
  | { kind: 'choose'; item: MenuItemView }
  | { kind: 'line'; lineId: string }
  | { kind: 'options'; lineId: string }
  | { kind: 'customer' }
  | { kind: 'park' }
  | { kind: 'parked' };

/** A keyboard-wedge scanner types a whole code in a burst: every key within this many ms of the last. */
const SCAN_GAP_MS = 60;
const SCAN_MIN_LENGTH = 4;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function dialogOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

export function CounterScreen() {
  const currency = useSessionStore((s) => s.shop?.currency ?? 'PHP');
  const cart = useCartStore((s) => s.cart);
  const menu = useCartStore((s) => s.menu);
  const notice = useCartStore((s) => s.notice);
  const dismissNotice = useCartStore((s) => s.dismissNotice);
  const setNotice = useCartStore((s) => s.setNotice);
  const loadMenu = useCartStore((s) => s.loadMenu);
  const loadCart = useCartStore((s) => s.loadCart);
  const loadParked = useCartStore((s) => s.loadParked);
  const addItem = useCartStore((s) => s.addItem);
  const addBySku = useCartStore((s) => s.addBySku);
  const mayDiscount = useSessionStore((s) => hasPermission(s.session, 'discount.apply'));
  const shiftState = useShiftStore((s) => s.state);
  const loadShift = useShiftStore((s) => s.load);
  const [open, setOpen] = useState<Open | null>(null);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  /** When each character of the current search text was typed (to tell a scanner from a person). */
  const keyTimes = useRef<number[]>([]);

  useEffect(() => {
    void loadMenu();
    void loadCart();
    void loadParked();
    // Whether this till has a shift open (the banner: cash needs one; a stale one must be closed).
    void loadShift();
  }, [loadMenu, loadCart, loadParked, loadShift]);

  // "Sold out for today" ends when the next business day starts: read the menu again then, so a
  // till left open overnight offers the item again without anyone reloading.
  useEffect(() => {
    const now = Date.now();
    let next = Infinity;
    for (const c of menu)
      for (const i of c.items) {
        if (i.soldOutUntil !== null && i.soldOutUntil > now) next = Math.min(next, i.soldOutUntil);
      }
    if (next === Infinity) return;
    // setTimeout holds at most ~24.8 days; a second later than the turn of the day is soon enough.
    const timer = setTimeout(() => void loadMenu(), Math.min(next - now + 1000, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [menu, loadMenu]);

  const canCharge = !!cart && cart.lines.length > 0;

  // A problem message belongs to what was just tried: a dialog opening, or typing in the search
  // box, is the next thing, so the old message must not linger behind it.
  useEffect(() => {
    if (open !== null && useCartStore.getState().notice) dismissNotice();
  }, [open, dismissNotice]);
  useEffect(() => {
    if (query !== '' && useCartStore.getState().notice) dismissNotice();
  }, [query, dismissNotice]);

  function changeQuery(next: string) {
    if (next === '') keyTimes.current = [];
    setQuery(next);
  }

  function focusSearch() {
    searchRef.current?.focus();
    searchRef.current?.select();
  }

  function pick(item: MenuItemView) {
    if (!item.isAvailable) {
      setNotice(`${item.name} is sold out.`);
      return;
    }
    if (item.modifierGroups.length > 0) setOpen({ kind: 'choose', item });
    else void addItem(item.id);
  }

  async function scan(code: string) {
    changeQuery('');
    await addBySku(code);
  }

  /** Enter in the search box: a scanned (or typed) code, or the one item the words match. */
  function submitSearch() {
    const text = query.trim();
    if (!text) return;
    const times = keyTimes.current;
    // Scanners type codes (with digits) in a burst; a name typed fast (or pasted) is still a search.
    const burst =
      /\d/.test(text) && times.length >= SCAN_MIN_LENGTH && times.every((t, i) => i === 0 || t - times[i - 1]! <= SCAN_GAP_MS);
    const index = menuIndex(menu);
    if (index.bySku.has(text) || burst) {
      void scan(text);
      return;
    }
    const results = searchIndex(index, text);
    if (results.total === 1) {
      changeQuery('');
      pick(results.hits[0]!.item);
    } else if (results.total === 0 && !/\s/.test(text)) {
      // Maybe a code typed by hand: main says whether it knows it. (Words with spaces are a
      // search, and the menu already says nothing matches.)
      void scan(text);
    }
    // Several matches: the person taps the one they mean.
  }

  function onSearchKeyDown(e: ReactKeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      submitSearch();
      return;
    }
    if (e.key === 'Escape' && query) {
      e.preventDefault();
      changeQuery('');
      return;
    }
    if (e.key === 'ArrowDown') {
      const first = document.querySelector<HTMLButtonElement>('#menu-items .item-tile:not(:disabled)');
      if (first) {
        e.preventDefault();
        first.focus();
      }
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const input = e.currentTarget;
      // Typing over a selection (after / or F2) starts a new search.
      const replacing = input.selectionStart === 0 && input.selectionEnd === input.value.length;
      if (query === '' || replacing) keyTimes.current = [];
      keyTimes.current.push(e.timeStamp);
    }
  }

  // Counter shortcuts and the scanner when no input has focus. Latest values via a ref so the
  // listener is added once.
  const latest = useRef({ canCharge, focusSearch, charge: () => {}, park: () => {} });
  latest.current = {
    canCharge,
    focusSearch,
    charge: () => canCharge && setOpen({ kind: 'charge' }),
    park: () => canCharge && setOpen({ kind: 'park' }),
  };

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (dialogOpen()) return; // a dialog's own keys (PIN pad digits, F8 in Payment)
      const now = latest.current;
      if (e.key === 'F2') {
        e.preventDefault();
        now.focusSearch();
        return;
      }
      if (e.key === 'F9') {
        e.preventDefault();
        now.charge();
        return;
      }
      if (e.key === 'F4') {
        e.preventDefault();
        now.park();
        return;
      }
      // Never take keys from someone typing in a field (the search box handles its own).
      if (isTypingTarget(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        now.focusSearch();
        return;
      }
      // Anything else printable starts a search (or is a scanner's code): send it to the search box.
      if (e.key.length === 1 && e.key !== ' ') {
        const input = searchRef.current;
        if (!input) return;
        e.preventDefault();
        keyTimes.current = [e.timeStamp];
        flushSync(() => setQuery(e.key));
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const close = () => setOpen(null);
  const editing = open?.kind === 'line' || open?.kind === 'options' ? cart?.lines.find((l) => l.id === open.lineId) : undefined;
  /** The menu item behind the line being edited, when it still has options to change. */
  const editingItem = editing ? menuIndex(menu).byId.get(editing.menuItemId) : undefined;
  const canEditOptions = !!editingItem && editingItem.modifierGroups.length > 0;

  return (
    <main className="counter-screen">
      <h1 className="visually-hidden">Counter</h1>
      <div className="counter-menu">
        <CounterShiftBanner state={shiftState} />
        {notice && (
          <div className="counter-notice">
            <ErrorMessage message={notice} onDismiss={dismissNotice} />
          </div>
        )}
        <MenuGrid
          currency={currency}
          query={query}
          onQueryChange={changeQuery}
          searchRef={searchRef}
          onSearchKeyDown={onSearchKeyDown}
          onItem={pick}
        />
      </div>
      <CartPanel
        currency={currency}
        onCharge={() => canCharge && setOpen({ kind: 'charge' })}
        onDiscount={mayDiscount ? () => canCharge && setOpen({ kind: 'discount' }) : undefined}
        onEditLine={(lineId) => setOpen({ kind: 'line', lineId })}
        onCustomer={() => setOpen({ kind: 'customer' })}
        onPark={() => canCharge && setOpen({ kind: 'park' })}
        onParked={() => setOpen({ kind: 'parked' })}
      />
      {open?.kind === 'charge' && cart && <PaymentDialog total={cart.totals.total} currency={currency} onClose={close} />}
      {open?.kind === 'discount' && cart && <DiscountDialog cart={cart} currency={currency} lineId={open.lineId} onClose={close} />}
      {open?.kind === 'choose' && <ModifierDialog item={open.item} currency={currency} onClose={close} />}
      {open?.kind === 'line' && editing && (
        <LineDialog
          line={editing}
          currency={currency}
          onDiscount={mayDiscount ? () => setOpen({ kind: 'discount', lineId: editing.id }) : undefined}
          onEditOptions={canEditOptions ? () => setOpen({ kind: 'options', lineId: editing.id }) : undefined}
          onClose={close}
        />
      )}
      {open?.kind === 'options' && editing && editingItem && (
        <ModifierDialog item={editingItem} line={editing} currency={currency} onClose={close} />
      )}
      {open?.kind === 'customer' && cart && <CustomerDialog cart={cart} onClose={close} />}
      {open?.kind === 'park' && cart && <ParkDialog cart={cart} currency={currency} onClose={close} />}
      {open?.kind === 'parked' && <ParkedDialog currency={currency} onClose={close} />}
    </main>
  );
}
