// The shared layers many vendors run on (CDNs, clouds, hosting): when several watched vendors fail at once,
// these are the upstreams worth naming as a possible cause. Ids are the catalog's; each also carries its
// own name and the words vendors use for it, so a renamed or missing catalog entry never loses one.
import type { CatalogEntry } from '../catalog-types';
import { CATALOG } from './index';

export interface CommonProvider {
  /** The catalog entry's id. */
  id: string;
  name: string;
  /** Other names vendors write in their incidents ("AWS us-east-1", "GCP"). */
  aliases: string[];
  /** The page to read when the user does not watch it (the catalog's, else this). */
  url: string;
}

const PROVIDERS: readonly CommonProvider[] = [
  { id: 'cloudflare', name: 'Cloudflare', aliases: ['CloudFlare'], url: 'https://www.cloudflarestatus.com' },
  {
    id: 'aws',
    name: 'Amazon Web Services',
    aliases: ['AWS', 'Amazon AWS'],
    url: 'https://health.aws.amazon.com/health/status',
  },
  {
    id: 'aws-region-us-east-1',
    name: 'AWS N. Virginia (us-east-1)',
    aliases: ['us-east-1', 'AWS us-east-1'],
    url: 'https://health.aws.amazon.com/health/status',
  },
  {
    id: 'aws-region-us-west-2',
    name: 'AWS Oregon (us-west-2)',
    aliases: ['us-west-2', 'AWS us-west-2'],
    url: 'https://health.aws.amazon.com/health/status',
  },
  {
    id: 'aws-region-eu-west-1',
    name: 'AWS Ireland (eu-west-1)',
    aliases: ['eu-west-1', 'AWS eu-west-1'],
    url: 'https://health.aws.amazon.com/health/status',
  },
  {
    id: 'google-cloud',
    name: 'Google Cloud',
    aliases: ['GCP', 'Google Cloud Platform'],
    url: 'https://status.cloud.google.com',
  },
  {
    id: 'azure',
    name: 'Microsoft Azure',
    aliases: ['Azure', 'Azure Front Door'],
    url: 'https://azure.status.microsoft/en-us/status',
  },
  { id: 'fastly', name: 'Fastly', aliases: [], url: 'https://www.fastlystatus.com' },
  { id: 'akamai', name: 'Akamai', aliases: [], url: 'https://www.akamaistatus.com' },
  { id: 'fly-io', name: 'Fly.io', aliases: ['Flyio'], url: 'https://status.flyio.net' },
  { id: 'vercel', name: 'Vercel', aliases: [], url: 'https://www.vercel-status.com' },
  { id: 'netlify', name: 'Netlify', aliases: [], url: 'https://www.netlifystatus.com' },
  {
    id: 'digitalocean',
    name: 'DigitalOcean',
    aliases: ['Digital Ocean'],
    url: 'https://status.digitalocean.com',
  },
  { id: 'heroku', name: 'Heroku', aliases: [], url: 'https://status.heroku.com' },
];

/** Aliases too short or too common to be evidence on their own ("DO", "Fly", "Amazon"). */
const WEAK = new Set(['do', 'fly', 'amazon', 'zeit']);

/** The common providers, with the catalog's current name, page and aliases folded in. */
export function commonProviders(catalog: readonly CatalogEntry[] = CATALOG): CommonProvider[] {
  const byId = new Map(catalog.map((e) => [e.id, e]));
  return PROVIDERS.map((p) => {
    const entry = byId.get(p.id);
    if (!entry) return { ...p, aliases: [...p.aliases] };
    const aliases = new Set([p.name, ...p.aliases, ...(entry.aliases ?? [])]);
    aliases.delete(entry.name);
    return {
      id: p.id,
      name: entry.name,
      aliases: [...aliases].filter((a) => !WEAK.has(a.toLowerCase())),
      url: entry.url,
    };
  });
}
