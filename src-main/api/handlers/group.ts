/** The handlers of one contract group: every channel whose name starts with one of the prefixes. */
import type { Channel, OutputOf, ParsedInputOf } from '../../contract';

type ChannelsOf<Prefix extends string> = Extract<Channel, `${Prefix}${string}`>;

export type HandlerGroup<Prefix extends string> = {
  [C in ChannelsOf<Prefix>]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
};
