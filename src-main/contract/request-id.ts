/**
 * An idempotency key for the channels that create records: the form kit makes one per submission,
 * and the service host answers a repeat of the same key (a double click, a retried IPC call) with
 * the first answer instead of writing again (src-main/api/request-ids.ts).
 */
import { z } from 'zod';

export const RequestId = z.uuid('Not a request id.');

/** The create input with the optional key beside its fields; the key never reaches the service. */
export function withRequestId<Shape extends z.ZodRawShape>(input: z.ZodObject<Shape>) {
  return input.extend({ requestId: RequestId.optional() }).strict();
}
