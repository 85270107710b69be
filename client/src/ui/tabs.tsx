/**
 * Tabs after the WAI-ARIA tabs pattern: a tablist of tabs, each controlling its tabpanel, aria-selected on
 * the chosen one, a roving tabindex (only the chosen tab is in the Tab order), and Left/Right/Home/End moving
 * between tabs (automatic activation: the tab focused is the tab shown).
 */
import type { ComponentChildren } from "preact";

/** One tab: its id (unique in the page, used in element ids) and its label. */
export interface TabDef {
  id: string;
  label: ComponentChildren;
}

/** The element id of a tab (ids such as a chat channel's may hold characters an id should not). */
function tabDomId(prefix: string, id: string): string {
  return `${prefix}-tab-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** The index a key moves to in a tablist of `n` tabs from `i`, or null for other keys. */
export function tabKeyTarget(key: string, i: number, n: number): number | null {
  if (n === 0) return null;
  if (key === "ArrowRight") return (i + 1) % n;
  if (key === "ArrowLeft") return (i - 1 + n) % n;
  if (key === "Home") return 0;
  if (key === "End") return n - 1;
  return null;
}

/**
 * A tablist; `selected` is the shown tab's id and `onSelect` chooses another. Ids are prefixed with
 * `idPrefix`.
 */
export function TabList({
  label,
  tabs,
  selected,
  onSelect,
  idPrefix,
  class: cls,
}: {
  label: string;
  tabs: TabDef[];
  selected: string;
  onSelect: (id: string) => void;
  idPrefix: string;
  class?: string;
}) {
  const onKey = (e: KeyboardEvent, i: number) => {
    const j = tabKeyTarget(e.key, i, tabs.length);
    const next = j === null ? undefined : tabs[j];
    if (!next) return;
    e.preventDefault();
    onSelect(next.id);
    requestAnimationFrame(() => document.getElementById(tabDomId(idPrefix, next.id))?.focus());
  };
  return (
    <div role="tablist" aria-label={label} class={cls}>
      {tabs.map((t, i) => (
        <button
          type="button"
          key={t.id}
          role="tab"
          id={tabDomId(idPrefix, t.id)}
          aria-controls={`${idPrefix}-panel`}
          aria-selected={t.id === selected}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/**
 * The panel of the tab shown, labelled by its tab (every panel starts with controls, so Tab from the tablist
 * reaches it).
 */
export function TabPanel({
  idPrefix,
  selected,
  children,
}: {
  idPrefix: string;
  selected: string;
  children: ComponentChildren;
}) {
  return (
    <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={tabDomId(idPrefix, selected)}>
      {children}
    </div>
  );
}
