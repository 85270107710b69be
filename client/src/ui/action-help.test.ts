import { DEFAULT_PARAMS, ORDER_COSTS } from "@firebreak/shared";
import { describe, expect, it } from "vitest";
import { actionHelp } from "./action-help.ts";

describe("the action help", () => {
  it("reads mobilisation's economic cost from the game's params, not a fixed number", () => {
    expect(actionHelp("mobilize", DEFAULT_PARAMS)).toContain(
      `costs your economy ${DEFAULT_PARAMS.mobilizeCost},`,
    );
    const dear = actionHelp("mobilize", { ...DEFAULT_PARAMS, mobilizeCost: 1.25 });
    expect(dear).toContain("costs your economy 1.25,");
    expect(dear).toContain(`Costs ${ORDER_COSTS.mobilize} AP`);
  });
});
