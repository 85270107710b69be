/**
 * The shareable join link (the code in the address), with a copy button: for the facilitator to send or
 * project.
 */
import { useSignal } from "@preact/signals";
import { useRef } from "preact/hooks";
import { joinLink } from "../net/links.ts";

/**
 * The join link of a game's code and a button that copies it (selecting it when the clipboard is refused).
 */
export function JoinLink({ code }: { code: string }) {
  const url = joinLink(window.location.origin, code);
  const copied = useSignal("");
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      copied.value = "Link copied.";
    } catch {
      input.current?.select();
      copied.value = "Selected: press Ctrl+C (or ⌘C) to copy it.";
    }
  };
  return (
    <p class="join-link">
      <label class="inline" for="join-link">
        Join link
      </label>{" "}
      <input
        id="join-link"
        ref={input}
        readOnly
        value={url}
        size={Math.min(40, url.length)}
        onFocus={(e) => (e.target as HTMLInputElement).select()}
      />{" "}
      <button type="button" onClick={() => void copy()}>
        Copy the join link
      </button>{" "}
      <span role="status">{copied.value}</span>
    </p>
  );
}
