// The one gate every request passes: a host hands the core untrusted input.
import type { Req, RequestChannel } from '../../../shared/ipc';
import { validateRequest } from '../../../shared/ipc-schemas';

/** Checks a request's argument; throws the schema's message when it does not fit. */
export function check<C extends RequestChannel>(channel: C, arg: unknown): Req<C> {
  const result = validateRequest(channel, arg);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
