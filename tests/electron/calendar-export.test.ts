// The desktop's calendar export: saved where the user chose in the save dialog; nothing when cancelled.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCalendarSaveDialog } from '../../electron/host/calendar-export';
import type { RequestHandlers } from '../../shared/ipc';

const ICS = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
const handlers = {
  'calendar:export': async () => ({ ics: ICS, savedTo: null }),
} as unknown as RequestHandlers;

describe('calendar export (desktop)', () => {
  it('writes the calendar where the user chose', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-ics-'));
    const file = path.join(dir, 'maintenance.ics');
    const asked: string[] = [];
    const wrapped = withCalendarSaveDialog(handlers, async (name) => (asked.push(name), file));
    expect(await wrapped['calendar:export']()).toEqual({ ics: ICS, savedTo: file });
    expect(asked).toEqual(['statustray-maintenance.ics']);
    expect(await fs.readFile(file, 'utf8')).toBe(ICS);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('saves nothing when the dialog is cancelled', async () => {
    const wrapped = withCalendarSaveDialog(handlers, async () => null);
    expect((await wrapped['calendar:export']()).savedTo).toBeNull();
  });
});
