/**
 * An accessible confirmation: a modal <dialog> (the page behind it is inert) with a title, the consequences
 * and two buttons. Focus starts on "Cancel", Tab and Shift+Tab stay inside, Escape cancels, and focus returns
 * to where it was.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Confirmation } from "./consequences.ts";

let dialogs = 0;

/** The dialog for one question; it is open while rendered. */
export function ConfirmDialog({
  ask,
  onConfirm,
  onCancel,
}: {
  ask: Confirmation;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useRef(`confirm-${++dialogs}`);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cancel.current?.focus();
    return () => {
      if (d?.open) d.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  /** Keeps Tab inside the dialog: from the last control to the first, and back. */
  const trap = (e: KeyboardEvent) => {
    if (e.key !== "Tab" || !ref.current) return;
    const controls = [
      ...ref.current.querySelectorAll<HTMLElement>("button, [href], input, select, textarea"),
    ];
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby={`${id.current}-h`}
      aria-describedby={`${id.current}-d`}
      onKeyDown={trap}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id.current}-h`}>{ask.title}</h2>
      <ul id={`${id.current}-d`}>
        {ask.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <div class="confirm-buttons">
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>{" "}
        <button type="button" class="danger" onClick={onConfirm}>
          {ask.confirm}
        </button>
      </div>
    </dialog>
  );
}
