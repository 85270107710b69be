/**
 * A bot's words in chat: the channels each of its messages goes to, gathered into one message per channel.
 */
import type { BotMessage, SeatId } from "@firebreak/shared";
import { CHAT_MAX_LENGTH, pairChannel } from "../session/channels.ts";
import type { Channel } from "../session/types.ts";

/**
 * The chat channels a bot's message goes to: public, its hotline with one state, or its private line with
 * each party of a proposal.
 */
function channelsOf(seat: SeatId, m: BotMessage): Channel[] {
  if (m.channel.kind === "public") return [{ kind: "public" }];
  if (m.channel.kind === "hotline") return [pairChannel("hotline", seat, m.channel.with)];
  return m.channel.to.map((to) => pairChannel("private", seat, to));
}

/**
 * A bot's lines of one turn, one message per channel (in the order the channels first appear), split only
 * where a message would pass the chat limit.
 */
export function gatherByChannel(
  lines: ReadonlyArray<{ channel: Channel; text: string }>,
): Array<{ channel: Channel; text: string }> {
  const byChannel = new Map<string, { channel: Channel; texts: string[] }>();
  for (const l of lines) {
    const key = JSON.stringify(l.channel);
    const g = byChannel.get(key);
    if (g) g.texts.push(l.text);
    else byChannel.set(key, { channel: l.channel, texts: [l.text] });
  }
  const out: Array<{ channel: Channel; text: string }> = [];
  for (const { channel, texts } of byChannel.values()) {
    let current = "";
    for (const t of texts) {
      if (current && current.length + 1 + t.length > CHAT_MAX_LENGTH) {
        out.push({ channel, text: current });
        current = "";
      }
      current = current ? `${current} ${t}` : t;
    }
    if (current) out.push({ channel, text: current });
  }
  return out;
}

/**
 * The chat messages `seat`'s bot posts for its `words` of one turn: each on its channels, one message per
 * channel.
 */
export function chatLines(
  seat: SeatId,
  words: readonly BotMessage[],
): Array<{ channel: Channel; text: string }> {
  return gatherByChannel(
    words.flatMap((m) => channelsOf(seat, m).map((channel) => ({ channel, text: m.text }))),
  );
}
