/** One rule of the model, as the model card in data holds it. */
export interface RuleEntry {
  title: string;
  explanation: string;
  source: string;
}
