/** How a tension rung looks: colour, line pattern and label, so no reading depends on colour alone. */
import { rungName, type RungName } from "@firebreak/shared/browser";

/** A rung's visual encoding. */
export interface RungStyle {
  name: string;
  colour: number;
  css: string;
  /** Dash pattern in px: [dash, gap]; [0, 0] = solid. */
  dash: [number, number];
  width: number;
}

/** The look of each rung of the shared ladder (RUNGS), from calm grey to deep red. */
const STYLES: Record<RungName, Omit<RungStyle, "name">> = {
  Competition: { colour: 0x868e96, css: "#495057", dash: [1, 8], width: 2 },
  Friction: { colour: 0x1c7ed6, css: "#1864ab", dash: [3, 7], width: 2 },
  Crisis: { colour: 0xf08c00, css: "#b26a00", dash: [6, 6], width: 3 },
  Confrontation: { colour: 0xe8590c, css: "#e8590c", dash: [10, 6], width: 4 },
  "Use-of-force threshold": { colour: 0xd9480f, css: "#d9480f", dash: [14, 4], width: 5 },
  Brinkmanship: { colour: 0xb3001b, css: "#b3001b", dash: [20, 3], width: 6 },
  Brink: { colour: 0x7a0010, css: "#7a0010", dash: [0, 0], width: 7 },
};

/** The style of a tension value. */
export function rungStyle(tension: number): RungStyle {
  const name = rungName(tension);
  return { name, ...STYLES[name] };
}
