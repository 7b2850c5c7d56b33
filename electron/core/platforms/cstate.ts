// cState (Hugo static status pages): `/index.json` lists every system with its category, status and
// unresolved issues; `/issues/index.json`, where the site has it, lists past issues. An issue is one post:
// cState has no separate updates.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact } from '../../../shared/status';
import { toIso } from './common/dates';
import { knownPlatform } from './common/known-hosts';
import { baseBefore, getJson, schemaError, under } from './common/fetch';
import { htmlToText, metaContents } from './common/html';
import { bool, isObject, list, objects, sortIncidents, text, type Json } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

export function cstateStatus(v: unknown): ComponentStatus {
  switch (text(v)) {
    case 'ok':
      return 'operational';
    case 'disrupted':
      return 'partial_outage';
    case 'down':
      return 'major_outage';
    case 'notice':
      return 'degraded';
    default:
      return 'unknown';
  }
}

function impactOf(severity: unknown, informational: boolean): IncidentImpact {
  if (informational) return 'none';
  switch (text(severity)) {
    case 'down':
      return 'critical';
    case 'disrupted':
      return 'major';
    case 'notice':
      return 'minor';
    default:
      return 'unknown';
  }
}

function issueOf(i: Json, base: string): Incident {
  const resolved = bool(i.resolved);
  const startedAt = toIso(i.createdAt ?? i.date) ?? '';
  const resolvedAt = resolved ? (toIso(i.resolvedAt) ?? toIso(i.lastMod) ?? startedAt) : null;
  const permalink = text(i.permalink);
  const body = htmlToText(text(i.body ?? i.content ?? i.summary));
  const updates: Incident['updates'] = [
    { status: resolved ? 'resolved' : 'investigating', body, at: resolvedAt ?? startedAt },
  ];
  return {
    id: permalink || text(i.filename) || `${text(i.title)}@${startedAt}`,
    title: text(i.title),
    impact: impactOf(i.severity, bool(i.informational)),
    status: resolved ? 'resolved' : 'investigating',
    startedAt,
    resolvedAt,
    url: permalink ? new URL(permalink, base + '/').toString() : null,
    components: list(i.affected)
      .map((a) => text(a))
      .filter(Boolean),
    updates,
    kind: 'incident',
  };
}

export function isCstateIndex(v: unknown): v is Json {
  return isObject(v) && (v.cStateVersion !== undefined || (v.is === 'index' && Array.isArray(v.systems)));
}

export function parseCstate(
  index: unknown,
  issues: unknown,
  pageUrl: string,
): Omit<PlatformRead, 'notModified'> {
  if (!isCstateIndex(index)) throw schemaError('The cState index.json has no `systems`.');
  const base = text(index.baseURL) || pageUrl;
  const components: Component[] = objects(index.systems).map((s) => ({
    id: text(s.name),
    name: text(s.name),
    group: text(s.category) || null,
    status: cstateStatus(s.status),
  }));
  const byId = new Map<string, Incident>();
  for (const s of objects(index.systems))
    for (const i of objects(s.unresolvedIssues)) {
      const inc = issueOf(i, base);
      const existing = byId.get(inc.id);
      if (existing) existing.components = [...new Set([...existing.components, text(s.name)])];
      else byId.set(inc.id, { ...inc, components: inc.components.length ? inc.components : [text(s.name)] });
    }
  const past = isObject(issues) ? issues.issues : issues;
  for (const i of objects(past)) {
    const inc = issueOf(i, base);
    if (!byId.has(inc.id)) byId.set(inc.id, inc);
  }
  return {
    vendor: {
      name: text(index.title) || new URL(pageUrl).hostname,
      platform: 'cstate',
      pageUrl,
      lacks: past === undefined || past === null ? ['updates', 'history'] : ['updates'],
    },
    components,
    incidents: sortIncidents([...byId.values()]),
  };
}

export const cstateAdapter: PlatformAdapter = {
  id: 'cstate',
  matchUrl(url) {
    // index.json is a common name: cState is recognised by its content, or by a host the catalog knows.
    if (knownPlatform(url.hostname) !== 'cstate') return null;
    const base = baseBefore(url, /\/index\.json$/);
    return { platform: 'cstate', pageUrl: base, apiUrl: `${base}/index.json` };
  },
  async probe(url, _ctx, page) {
    if (!page) return null;
    if (/\/index\.json$/.test(url.pathname)) {
      try {
        const data = JSON.parse(page.body) as unknown;
        if (isCstateIndex(data)) {
          const base = baseBefore(url, /\/index\.json$/);
          return {
            platform: 'cstate',
            pageUrl: base,
            apiUrl: url.toString(),
            name: text(data.title) || undefined,
          };
        }
      } catch {
        return null;
      }
      return null;
    }
    if (!/cstate/i.test(page.body)) return null;
    const head = page.body.slice(0, 300_000);
    const marked =
      /github\.com\/cstate\/cstate|powered by[^<]{0,40}<a[^>]*cstate/i.test(head) ||
      metaContents(head, 'generator').some((g) => /cstate/i.test(g));
    if (!marked || !/<html|<!doctype/i.test(page.body.slice(0, 2000))) return null;
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    return { platform: 'cstate', pageUrl: url.toString(), apiUrl: `${base}/index.json` };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const index = await getJson(ctx, detection.apiUrl);
    const base = baseBefore(new URL(detection.apiUrl), /\/index\.json$/);
    const issues = await getJson(ctx, under(base, 'issues/index.json')).catch(() => null);
    return {
      ...parseCstate(index.data, issues?.data, detection.pageUrl),
      notModified: index.doc.notModified,
    };
  },
};
