// Drag-and-drop reordering for the back office's lists (categories, a category's items) with the
// browser's own HTML5 drag and drop: no library. The handle (⋮⋮) is the drag source so text in a
// row's inputs can still be selected; the rows are the drop targets and show a line where the
// dragged row would land. The Move up/down buttons stay the keyboard and touch path (a finger
// does not reliably start an HTML5 drag), so this is for the mouse.
import { useRef, useState, type DragEvent } from 'react';
import { reordered, sameOrder, type DropSide } from './reorderIds';

/** Our own type, so a file or text dragged onto the list from elsewhere is never taken as a move. */
const DRAG_TYPE = 'application/x-brewline-reorder';

interface Options {
  /** The full list in its current order (the backend wants every active id back). */
  ids: readonly string[];
  /** False while the list is filtered, or while a save is running. */
  enabled: boolean;
  onReorder(ids: string[]): void;
}

export function useDragReorder({ ids, enabled, onReorder }: Options) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<{ id: string; side: DropSide } | null>(null);
  // The drop handler reads these, not the state of the last render: dragover fires faster than renders.
  const draggingRef = useRef<string | null>(null);
  const latest = useRef({ ids, enabled, onReorder });
  latest.current = { ids, enabled, onReorder };

  function clear() {
    draggingRef.current = null;
    setDragging(null);
    setOver(null);
  }

  /** Where the pointer is in a row: its top half means "before it", the bottom half "after it". */
  function sideOf(e: DragEvent<HTMLElement>): DropSide {
    const box = e.currentTarget.getBoundingClientRect();
    return e.clientY < box.top + box.height / 2 ? 'before' : 'after';
  }

  /** Props for the ⋮⋮ handle of row `id`, named "Drag to reorder <label>". */
  function handleProps(id: string, label: string) {
    return {
      draggable: enabled,
      role: 'img' as const,
      'aria-label': `Drag to reorder ${label}`,
      title: enabled ? `Drag to move ${label}` : undefined,
      className: `drag-handle${enabled ? '' : ' drag-handle--off'}`,
      onDragStart(e: DragEvent<HTMLElement>) {
        if (!latest.current.enabled) return e.preventDefault();
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(DRAG_TYPE, id);
        e.dataTransfer.setData('text/plain', label); // Firefox starts no drag without data
        // Show the whole row under the pointer, not just the small handle.
        const row = e.currentTarget.closest('li');
        if (row) {
          const box = row.getBoundingClientRect();
          e.dataTransfer.setDragImage(row, e.clientX - box.left, e.clientY - box.top);
        }
        draggingRef.current = id;
        setDragging(id);
      },
      onDragEnd: clear, // dropped elsewhere, or Esc
    };
  }

  /** Props for row `id` as a drop target, with the class that draws the drop line. */
  function rowProps(id: string) {
    const line = over?.id === id ? ` drop-${over.side}` : '';
    // A drop target must cancel dragenter as well as dragover: Chromium otherwise stops sending
    // dragover to the row after entering it, and no line shows.
    function hover(e: DragEvent<HTMLElement>) {
      const from = draggingRef.current;
      if (!from || !e.dataTransfer.types.includes(DRAG_TYPE)) return; // not ours: no drop allowed
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const side = sideOf(e);
      // No line where dropping would change nothing (on itself, or next to where it already is).
      const next = sameOrder(reordered(latest.current.ids, from, id, side), latest.current.ids) ? null : { id, side };
      setOver((o) => (o?.id === next?.id && o?.side === next?.side ? o : next));
    }
    return {
      className: `${dragging === id ? 'is-dragging' : ''}${line}`.trim(),
      onDragEnter: hover,
      onDragOver: hover,
      onDrop(e: DragEvent<HTMLElement>) {
        const from = draggingRef.current;
        if (!from || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        const { ids: now, enabled: on, onReorder: send } = latest.current;
        const order = reordered(now, from, id, sideOf(e));
        clear();
        if (on && !sameOrder(order, now)) send(order);
      },
    };
  }

  /** On the list: leaving it altogether takes the line away. */
  function listProps() {
    return {
      onDragLeave(e: DragEvent<HTMLElement>) {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
      },
    };
  }

  return { dragging, handleProps, rowProps, listProps };
}
