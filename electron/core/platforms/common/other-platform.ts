// A document that one adapter fetched at its own path but that, by its fields, another platform published:
// the read is handed to that platform's adapter instead of failing with a schema error.
import { FetchError } from '../../http/types';
import type { Detection } from '../types';

export class OtherPlatformError extends FetchError {
  readonly detection: Detection;
  constructor(detection: Detection, message: string) {
    super('schema', message);
    this.name = 'OtherPlatformError';
    this.detection = detection;
  }
}
