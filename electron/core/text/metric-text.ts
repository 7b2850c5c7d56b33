// Untrusted text in a Prometheus label value (component and group names). The exposition format escapes
// `\`, `"` and line feeds (prom-client does that); other control characters would pass raw and break
// stricter parsers, so they are dropped here, along with bidi controls, and the text kept to one line.
import { ZERO_WIDTH, plainText } from './plain-text';

export function metricLabel(text: string): string {
  return plainText(text, { oneLine: true }).replace(ZERO_WIDTH, '');
}
