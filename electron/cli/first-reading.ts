// What `watch` says before anything changes: each vendor's first reading, and a vendor it cannot read at
// its first failed read (the monitor alone would stay silent until the stale limit, minutes later).
import type { MonitorEvent, SnapshotError } from '../../shared/model';
import { STATUS_LABEL, type VendorStatus } from '../../shared/status';
import type { VendorRuntimeView } from '../core/monitor/monitor';
import { isOpen } from '../core/rollup';
import { unmatchedSentence } from '../../shared/component-match';

/** A line of `watch --json` beside the monitor's events: a vendor's status when first read. */
export interface FirstReading {
  type: 'vendor_first_reading';
  vendor: string;
  vendorId: string;
  at: string;
  status: VendorStatus;
  /** How many incidents were open at that moment (ongoing maintenance included). */
  openIncidentCount: number;
  /** The titles of the first MAX_TITLES of them. */
  openIncidents: string[];
  /** Watched names the page lacks, with its nearest name (the status is unknown then); absent when none. */
  unmatchedComponents?: Array<{ name: string; suggestion: string | null }>;
}

const MAX_TITLES = 20;

export type StartLine = FirstReading | Extract<MonitorEvent, { type: 'vendor_unreachable' }>;

/** Decides, per vendor, the one line its first read deserves; pure (fed the monitor's views). */
export class FirstReadings {
  /** 'read': its first reading was told; 'failed': its failure was told and it has not been read since. */
  private readonly told = new Map<string, 'read' | 'failed'>();

  /** The line to print after the monitor read vendor `view.id`, or null when there is nothing new to say. */
  afterRead(view: VendorRuntimeView): StartLine | null {
    if (view.lastCheckedAt === null) return null;
    const told = this.told.get(view.id);
    const at = new Date(view.lastCheckedAt).toISOString();
    if (told !== 'read' && view.lastGood && view.lastError === null) {
      this.told.set(view.id, 'read');
      const open = view.lastGood.incidents.filter((i) =>
        i.kind === 'maintenance' ? i.status === 'in_progress' : isOpen(i),
      );
      return {
        type: 'vendor_first_reading',
        vendor: view.name,
        vendorId: view.id,
        at,
        status: view.status,
        openIncidentCount: open.length,
        openIncidents: open.slice(0, MAX_TITLES).map((i) => i.title),
        ...(view.lastGood.unmatchedComponents?.length
          ? { unmatchedComponents: view.lastGood.unmatchedComponents.slice(0, MAX_TITLES) }
          : {}),
      };
    }
    if (told === undefined && view.lastError) {
      this.told.set(view.id, 'failed');
      return { type: 'vendor_unreachable', vendor: view.name, vendorId: view.id, at, error: view.lastError };
    }
    return null;
  }

  /** The monitor's own "unreachable" for a vendor whose failure was already told at start says nothing new. */
  alreadyTold(event: MonitorEvent): boolean {
    return (
      event.type === 'vendor_unreachable' &&
      event.vendorId !== undefined &&
      this.told.get(event.vendorId) === 'failed'
    );
  }
}

/** The readable text of a start line (after the time and the vendor's name). */
export function startLineText(line: StartLine): string {
  if (line.type === 'vendor_unreachable') return `Cannot read the page: ${errorText(line.error)}`;
  const more = line.openIncidentCount - Math.min(3, line.openIncidents.length);
  const incidents = line.openIncidentCount
    ? ` — open: ${line.openIncidents.slice(0, 3).join('; ')}${more > 0 ? ` (+${more} more)` : ''}`
    : '';
  const unmatched = (line.unmatchedComponents ?? []).map((u) => ` — ${unmatchedSentence(u)}`).join('');
  return `${STATUS_LABEL[line.status]} (first reading)${incidents}${unmatched}`;
}

function errorText(error: SnapshotError): string {
  return `${error.message} (${error.kind})`;
}
