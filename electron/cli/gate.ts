// The status levels a pipeline gates on (`check --fail-on`, `wait --until`), and what counts as "at that
// level or worse": the severity order of shared/status, in which `unknown` ranks just above operational.
import { COMPONENT_STATUSES, severity, type VendorStatus } from '../../shared/status';

export function isStatus(value: string): value is VendorStatus {
  return (COMPONENT_STATUSES as readonly string[]).includes(value);
}

/** `status` is `level` or worse. */
export function atOrWorse(status: VendorStatus, level: VendorStatus): boolean {
  return severity(status) >= severity(level);
}

/** `status` is `level` or better. */
export function atOrBetter(status: VendorStatus, level: VendorStatus): boolean {
  return severity(status) <= severity(level);
}

/**
 * `check`'s exit status: 3 when a page that was read is at the `--fail-on` level or worse (a known problem
 * says more than an unread page), else 2 when a page could not be read, else 0.
 */
export function checkExitCode(result: { failed: number; atFailLevel: number }): number {
  if (result.atFailLevel > 0) return 3;
  return result.failed > 0 ? 2 : 0;
}

/**
 * `wait`'s exit status at its timeout: 2 when some page was never read (a deploy gate can tell "cannot
 * see the vendor" from "the vendor is down"), else 3 (every page was read, some is still worse).
 */
export function waitExitCode(result: { neverRead: number }): number {
  return result.neverRead > 0 ? 2 : 3;
}
