import { describe, expect, it } from 'vitest';
import {
  isWatched,
  nearestComponentName,
  selectWatched,
  unmatchedComponents,
  unmatchedSentence,
} from '../../shared/component-match';
import { vendorStatus } from '../../electron/core/rollup';
import type { Component } from '../../shared/model';

const page: Component[] = [
  { id: 'a', name: 'API', group: null, status: 'major_outage' },
  { id: 'd', name: 'Dashboard', group: null, status: 'operational' },
  { id: 'e', name: 'Channel - Email', group: 'Prod2 (EU)', status: 'degraded' },
  { id: 'w', name: 'Workflow', group: 'Prod1 (US)', status: 'operational' },
];

describe('one matching rule for watched components', () => {
  it('matches whatever the case, spacing and the spaces around the group prefix', () => {
    expect(selectWatched(page, ['api']).map((c) => c.id)).toEqual(['a']);
    expect(selectWatched(page, ['  API ']).map((c) => c.id)).toEqual(['a']);
    expect(selectWatched(page, ['prod2 (eu) / channel  -  email']).map((c) => c.id)).toEqual(['e']);
    expect(selectWatched(page, ['Prod2 (EU)/Channel - Email']).map((c) => c.id)).toEqual(['e']);
    expect(selectWatched(page, ['PROD1 (US)']).map((c) => c.id)).toEqual(['w']);
    expect(selectWatched(page, ['channel - email']).map((c) => c.id)).toEqual(['e']);
    expect(isWatched(page[0]!, [])).toBe(true);
    expect(isWatched(page[0]!, ['a'])).toBe(true); // by id
  });

  it('reads the status of "api" on a page whose component is "API"', () => {
    expect(vendorStatus(page, [], ['api'])).toBe('major_outage');
    expect(vendorStatus(page, [], ['dashboard'])).toBe('operational');
  });

  it('names a watched name the page lacks, with its nearest name, and keeps the status unknown', () => {
    expect(unmatchedComponents(page, ['api', 'Apii', 'Nope', 'Workflw'])).toEqual([
      { name: 'Apii', suggestion: 'API' },
      { name: 'Nope', suggestion: 'API' },
      { name: 'Workflw', suggestion: 'Workflow' },
    ]);
    expect(vendorStatus(page, [], ['Dashboard', 'Nope'])).toBe('unknown');
    expect(unmatchedSentence({ name: 'api', suggestion: 'API' })).toBe(
      "'api' is not on this page — did you mean 'API'?",
    );
    expect(unmatchedSentence({ name: 'Nope', suggestion: null })).toBe("'Nope' is not on this page.");
    expect(unmatchedComponents([], ['Nope'])).toEqual([]);
  });

  it('suggests a name that contains the watched one, and stays bounded on a huge page', () => {
    expect(nearestComponentName('Email', page)).toBe('Channel - Email');
    const huge = Array.from({ length: 20_000 }, (_, i) => ({ name: `Component ${i}`, group: null }));
    const t = performance.now();
    expect(nearestComponentName('Component 19999x', huge)).not.toBeUndefined();
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});
