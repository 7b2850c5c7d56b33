// The vendor catalog: every entry well-formed and readable by an adapter, and a search that finds vendors the
// way a person types them.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATALOG, CATALOG_CATEGORIES, catalogEntry, searchCatalog } from '../../shared/catalog';
import { commonProviders } from '../../shared/catalog/common-providers';
import { editDistance, normalize } from '../../shared/catalog/search';
import { PLATFORM_IDS } from '../../shared/platforms';
import { ADAPTERS } from '../../electron/core/platforms';

const text = z.string().trim().min(1);
const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: text,
  category: z.enum(CATALOG_CATEGORIES),
  url: z.url({ protocol: /^https$/ }),
  platform: z.enum(PLATFORM_IDS),
  aliases: z.array(text).min(1).optional(),
  parent: z.string().optional(),
  components: z.array(text).min(1).optional(),
});

const names = (query: string, limit?: number): string[] => searchCatalog(query, limit).map((e) => e.name);

describe('catalog entries', () => {
  it('lists at least 1,000 entries', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(1000);
  });

  it('has every entry well-formed', () => {
    const bad = CATALOG.map((entry) => ({ entry, result: entrySchema.safeParse(entry) }))
      .filter(({ result }) => !result.success)
      .map(
        ({ entry, result }) =>
          `${entry.id}: ${result.error?.issues.map((i) => i.path.join('.') + ' ' + i.message)}`,
      );
    expect(bad).toEqual([]);
  });

  it('lists at least 2,400 distinct status pages (hosts), each entry with a platform and a category', () => {
    const hosts = new Set(CATALOG.map((e) => new URL(e.url).hostname));
    expect(hosts.size).toBeGreaterThanOrEqual(2400);
    const categories = new Set<string>(CATALOG_CATEGORIES);
    const platforms = new Set<string>(PLATFORM_IDS);
    expect(CATALOG.filter((e) => !categories.has(e.category) || !platforms.has(e.platform))).toEqual([]);
  });

  it('catalogues a list page under the platform the newest reader read it as, and leaves out pages that are gone', () => {
    const byHost = new Map(CATALOG.map((e) => [new URL(e.url).hostname, e]));
    // Read in 2026 as Instatus, Better Stack and status.io (the older lists only named the pages).
    expect(byHost.get('status.adalo.com')?.platform).toBe('instatus');
    expect(byHost.get('status.appwrite.io')?.platform).toBe('betterstack');
    expect(byHost.get('status.clickup.com')?.platform).toBe('statusio');
    // Hosts that no longer resolve, and a page on which no platform we read answers.
    expect(byHost.has('status.fauna.com')).toBe(false);
    expect(byHost.has('status.glitch.com')).toBe(false);
    expect(byHost.has('status.jetbrains.com')).toBe(false);
  });

  it('has unique ids', () => {
    const seen = new Set<string>();
    const dupes = CATALOG.filter((e) => (seen.has(e.id) ? true : (seen.add(e.id), false))).map((e) => e.id);
    expect(dupes).toEqual([]);
  });

  it("gives every entry its own name, and no alias that is another entry's name", () => {
    const key = (name: string): string => normalize(name).replace(/ /g, '');
    const owner = new Map<string, string>();
    const dupes: string[] = [];
    for (const e of CATALOG) {
      if (owner.has(key(e.name))) dupes.push(`${e.id} = ${owner.get(key(e.name))}`);
      owner.set(key(e.name), e.id);
    }
    expect(dupes).toEqual([]);
    const stolen = CATALOG.flatMap((e) =>
      (e.aliases ?? [])
        .filter((a) => owner.has(key(a)) && owner.get(key(a)) !== e.id)
        .map((a) => `${e.id}: "${a}" is ${owner.get(key(a))}`),
    );
    expect(stolen).toEqual([]);
  });

  it('never lists one component twice in an entry, even with different spacing or casing', () => {
    const key = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();
    const repeated = CATALOG.flatMap((e) => {
      const seen = new Set<string>();
      return (e.components ?? []).filter((c) => (seen.has(key(c)) ? true : (seen.add(key(c)), false)));
    });
    expect(repeated).toEqual([]);
    expect(
      CATALOG.flatMap((e) => (e.components ?? []).filter((c) => c !== c.replace(/\s+/g, ' ').trim())),
    ).toEqual([]);
  });

  it('gives every vendor its own address (sub-pages may share it only with a component filter)', () => {
    const key = (e: { url: string; components?: string[] }): string =>
      `${new URL(e.url).href.replace(/\/$/, '').toLowerCase()} ${(e.components ?? []).join('|')}`;
    const topLevel = CATALOG.filter((e) => !e.parent).map(key);
    expect(topLevel.length - new Set(topLevel).size).toBe(0);
    const all = CATALOG.map(key);
    const dupes = all.filter((k, i) => all.indexOf(k) !== i);
    expect(dupes).toEqual([]);
    for (const entry of CATALOG.filter((e) => e.parent)) {
      const parent = catalogEntry(entry.parent!);
      if (parent && parent.url === entry.url) expect(entry.components, entry.id).toBeDefined();
    }
  });

  it('has only https addresses without credentials, ports or queries', () => {
    for (const entry of CATALOG) {
      const url = new URL(entry.url);
      expect(url.protocol, entry.id).toBe('https:');
      expect(url.username + url.password + url.port + url.search + url.hash, entry.id).toBe('');
      expect(url.hostname, entry.id).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
  });

  it('points every parent at an existing top-level entry on the same platform', () => {
    for (const entry of CATALOG.filter((e) => e.parent)) {
      const parent = catalogEntry(entry.parent!);
      expect(parent, `${entry.id} → ${entry.parent}`).toBeDefined();
      expect(parent?.parent, entry.id).toBeUndefined();
      expect(parent?.platform, entry.id).toBe(entry.platform);
    }
  });

  it('splits the big vendors into regions, products or sub-pages', () => {
    const children = (id: string): number => CATALOG.filter((e) => e.parent === id).length;
    expect(children('aws')).toBeGreaterThanOrEqual(200);
    expect(children('google-cloud')).toBeGreaterThanOrEqual(100);
    expect(children('google-workspace')).toBeGreaterThanOrEqual(10);
    expect(children('atlassian')).toBeGreaterThanOrEqual(10);
    expect(children('intercom')).toBe(3);
    expect(catalogEntry('aws-lambda')?.components).toEqual(['AWS Lambda']);
    expect(catalogEntry('gcp-compute-engine')?.components).toEqual(['Google Compute Engine']);
  });

  it('includes the seed vendor Kustomer on Atlassian Statuspage', () => {
    expect(catalogEntry('kustomer')).toMatchObject({
      name: 'Kustomer',
      url: 'https://status.kustomer.com',
      platform: 'statuspage',
    });
  });

  it('names only platforms StatusTray knows', () => {
    const known = new Set<string>(PLATFORM_IDS);
    expect(CATALOG.filter((e) => !known.has(e.platform)).map((e) => e.id)).toEqual([]);
  });

  it('agrees with every adapter that recognises an address from its shape alone', () => {
    const disagreements = CATALOG.flatMap((entry) => {
      const seen = ADAPTERS.map((a) => a.matchUrl(new URL(entry.url))).find((d) => d !== null);
      return seen && seen.platform !== entry.platform
        ? [`${entry.id}: ${entry.platform} ≠ ${seen.platform}`]
        : [];
    });
    expect(disagreements).toEqual([]);
  });

  it('gives single-dashboard providers and their products an address the adapter knows without probing', () => {
    const fixed = new Set(['aws', 'azure', 'slack', 'heroku', 'apple', 'google_workspace']);
    const unknown = CATALOG.filter((e) => e.components || fixed.has(e.platform))
      .filter((e) => !ADAPTERS.some((a) => a.matchUrl(new URL(e.url))?.platform === e.platform))
      .map((e) => e.id);
    expect(unknown).toEqual([]);
  });

  it('names only platforms that have an adapter', () => {
    const adapters = new Set<string>(ADAPTERS.map((a) => a.id));
    const missing = [...new Set(CATALOG.map((e) => e.platform))].filter((p) => !adapters.has(p)).sort();
    expect(missing).toEqual([]);
  });
});

describe('common providers', () => {
  it('are each the catalog’s own entry, Fastly included, so a shared cause names the page the catalog reads', () => {
    const ids = new Set(CATALOG.map((e) => e.id));
    expect(commonProviders().filter((p) => !ids.has(p.id))).toEqual([]);
    expect(commonProviders().find((p) => p.id === 'fastly')).toMatchObject({
      name: 'Fastly',
      url: 'https://www.fastlystatus.com',
    });
    expect(CATALOG.find((e) => e.id === 'fastly')?.platform).toBe('statuscast');
  });
});

describe('searchCatalog', () => {
  it('finds Kustomer first from the start of its name or with a typo', () => {
    expect(names('kustom')[0]).toBe('Kustomer');
    expect(names('kustmer')[0]).toBe('Kustomer');
    expect(names('Kustomer')[0]).toBe('Kustomer');
  });

  it('puts the exact name before names that merely resemble it', () => {
    expect(names('github')[0]).toBe('GitHub');
    expect(names('gitlab')[0]).toBe('GitLab');
    expect(names('datadog').slice(0, 2)).toEqual(['Datadog', 'Datadog (EU)']);
  });

  it('forgives small typos in short and long names', () => {
    expect(names('githb')[0]).toBe('GitHub');
    expect(names('slak')[0]).toBe('Slack');
    expect(names('cloudflre')[0]).toBe('Cloudflare');
    expect(names('atlasian')[0]).toBe('Atlassian');
  });

  it('finds vendors by alias, former name and acronym', () => {
    expect(names('sendinblue')[0]).toBe('Brevo');
    expect(names('chatgpt')[0]).toBe('OpenAI');
    expect(names('ec2')[0]).toBe('Amazon Elastic Compute Cloud');
    expect(names('s3')[0]).toBe('Amazon Simple Storage Service');
    expect(names('terraform')[0]).toBe('HashiCorp');
  });

  it('lists a vendor before its own sub-pages', () => {
    expect(names('intercom')).toEqual([
      'Intercom',
      'Intercom (AU hosting)',
      'Intercom (EU hosting)',
      'Intercom (US hosting)',
    ]);
    expect(names('google cloud')[0]).toBe('Google Cloud');
    expect(names('aws')[0]).toBe('Amazon Web Services');
  });

  it('prefers a vendor named exactly so to one that has the name as an alias', () => {
    expect(names('sendgrid')[0]).toBe('Twilio');
    expect(names('lambda')[0]).toBe('Lambda');
    expect(names('lambda').slice(0, 3)).toContain('AWS Lambda');
  });

  it('prefers a name that starts with the query to an alias that does', () => {
    // Firebase has the alias "Google Firebase"; Google's own entries come first.
    expect(names('google').slice(0, 2)).toEqual(['Google Cloud', 'Google Workspace']);
  });

  it('forgives a typo in one word of several', () => {
    expect(names('amazon elastc compute')[0]).toBe('Amazon Elastic Compute Cloud');
    expect(names('jira servce')[0]).toBe('Jira Service Management');
  });

  it('finds every vendor of a category by its name', () => {
    const payments = CATALOG.filter((e) => e.category === 'payments').map((e) => e.id);
    const found = new Set(searchCatalog('payments', CATALOG.length).map((e) => e.id));
    expect(payments.filter((id) => !found.has(id))).toEqual([]);
  });

  it('ignores case, accents and punctuation', () => {
    expect(names('  KUSTOMER!  ')[0]).toBe('Kustomer');
    expect(names('statuspage io')[0]).toBe('Atlassian Statuspage');
    expect(names('customer io')[0]).toBe('Customer.io');
  });

  it('finds the vendors people type first, and nothing rather than a wrong vendor', () => {
    // What a new user types, and the first result they must see ('' = nothing: the vendor is not listed).
    const expected: Record<string, string> = {
      slack: 'Slack',
      github: 'GitHub',
      'aws s3': 'Amazon Simple Storage Service',
      s3: 'Amazon Simple Storage Service',
      gcp: 'Google Cloud',
      'google cloud platform': 'Google Cloud',
      stripe: 'Stripe',
      openai: 'OpenAI',
      chatgpt: 'OpenAI',
      notion: 'Notion',
      zoom: 'Zoom',
      atlassian: 'Atlassian',
      jira: 'Jira Software',
      bitbucket: 'Bitbucket',
      cloudflare: 'Cloudflare',
      datadog: 'Datadog',
      sentry: 'Sentry',
      twilio: 'Twilio',
      sendgrid: 'Twilio',
      vercel: 'Vercel',
      netlify: 'Netlify',
      heroku: 'Heroku',
      digitalocean: 'DigitalOcean',
      'digital ocean': 'DigitalOcean',
      linear: 'Linear',
      figma: 'Figma',
      shopify: 'Shopify',
      hubspot: 'HubSpot',
      intercom: 'Intercom',
      discord: 'Discord',
      dropbox: 'Dropbox',
      azure: 'Microsoft Azure',
      // A product by its own name, without its provider's.
      bigquery: 'Google BigQuery',
      sqs: 'Amazon Simple Queue Service',
      // Typos, close ones only.
      cloudfare: 'Cloudflare',
      cloudflre: 'Cloudflare',
      githb: 'GitHub',
      slak: 'Slack',
      // Vendors whose own status format is read (issue 22): their own page, first.
      salesforce: 'Salesforce',
      zendesk: 'Zendesk',
      pagerduty: 'PagerDuty',
      fastly: 'Fastly',
      'campaign monitor': 'Campaign Monitor',
      airship: 'Airship (US)',
      'urban airship': 'Airship (US)',
      // Vendors not in the catalog: nothing, never a look-alike.
      'microsoft 365': '',
      'office 365': '',
      o365: '',
      teams: '',
      'microsoft teams': '',
      outlook: '',
      auth0: '',
      okta: '',
      mailchimp: '',
      workday: '',
      xbox: '',
      sap: '',
      servicenow: '',
      adobe: '',
      // On a platform whose reader has no real capture yet (Sorry, Statuspal): not offered, and not a look-alike.
      postmark: '',
      pipedrive: '',
      pingdom: '',
      // Pages added in 2026-12 from status-monitor's probe, programs read whole and stored copies.
      bitwarden: 'Bitwarden',
      railway: 'Railway',
      'cash app': 'Cash App',
      uipath: 'UiPath',
      yext: 'Yext',
      astro: 'Astronomer (Astro)',
      // Statuspal pages offered by their feeds, which RSS-GPT kept (Unity) and multi-status reads (Exoscale).
      unity: 'Unity',
      exoscale: 'Exoscale',
    };
    const wrong = Object.entries(expected)
      .map(([query, first]) => ({ query, first, got: names(query)[0] ?? '' }))
      .filter(({ first, got }) => first !== got);
    expect(wrong).toEqual([]);
  });

  it('gives a typo-tolerant answer only when it is clear', () => {
    // One vendor a typo away: that vendor alone, not nine look-alikes after it.
    expect(names('cloudfare')).toEqual(['Cloudflare']);
    expect(names('kustmer')).toEqual(['Kustomer']);
    // "gemini" is the exchange named so (Google's Gemini is not listed), never Unity or another look-alike.
    expect(names('gemini')).toEqual(['Gemini (crypto exchange)']);
    // A word that resembles many names equally says nothing.
    expect(names('teamz')).toEqual([]);
    // Digits are typed on purpose: "auth0" is not Authentic8 nor Authorize.Net.
    expect(names('auth0')).toEqual([]);
  });

  it('returns nothing for text that resembles no vendor', () => {
    expect(searchCatalog('xyzzyq')).toEqual([]);
    expect(searchCatalog('zz')).toEqual([]);
  });

  it('finds an AWS region by its code, with or without the provider, as the search box suggests', () => {
    expect(names('AWS us-east-1')[0]).toBe('AWS N. Virginia (us-east-1)');
    expect(names('us-east-1')[0]).toBe('AWS N. Virginia (us-east-1)');
    expect(names('aws n. virginia')[0]).toBe('AWS N. Virginia (us-east-1)');
    expect(catalogEntry('aws-region-us-east-1')).toMatchObject({
      parent: 'aws',
      components: ['N. Virginia'],
    });
  });

  it("matches a product and a region across a provider's entries", () => {
    expect(names('ec2 us-east-1', 5)).toEqual([
      'Amazon Elastic Compute Cloud',
      'AWS N. Virginia (us-east-1)',
    ]);
    expect(names('s3 frankfurt', 5)).toEqual([
      'Amazon Simple Storage Service',
      'AWS Frankfurt (eu-central-1)',
    ]);
    // The provider's own words count for its products: "aws lambda" is AWS Lambda before Lambda the vendor.
    expect(names('aws lambda')[0]).toBe('AWS Lambda');
    expect(names('amazon sqs')[0]).toBe('Amazon Simple Queue Service');
  });

  it("ranks the exact match first, then groups the provider's products alphabetically, regions last", () => {
    const all = names('aws', CATALOG.length);
    expect(all[0]).toBe('Amazon Web Services');
    const products = all.slice(1).filter((n) => !/\(([a-z]{2}(-gov)?-[a-z]+-\d)\)$/.test(n));
    const label = (n: string) => n.replace(/^(AWS|Amazon) /, '').toLowerCase();
    expect(products.slice(0, 4)).toEqual([
      'AWS Account Management',
      'AWS Amplify',
      'Amazon API Gateway',
      'AWS App Mesh',
    ]);
    expect(products.map(label)).toEqual(
      [...products.map(label)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    // Not ordered by the length of their names.
    const lengths = products.map((n) => n.length);
    expect(lengths).not.toEqual([...lengths].sort((a, b) => a - b));
    const firstRegion = all.findIndex((n) => n.endsWith('(me-south-1)'));
    expect(firstRegion).toBeGreaterThan(all.indexOf('Amazon WorkSpaces'));
    // A vendor whose name starts with the query still comes before the products of a provider it is not part of.
    expect(names('google').slice(0, 2)).toEqual(['Google Cloud', 'Google Workspace']);
  });

  it('returns the whole catalog for an empty query, and honours a limit', () => {
    expect(searchCatalog('')).toHaveLength(CATALOG.length);
    expect(searchCatalog('   ')).toHaveLength(CATALOG.length);
    expect(searchCatalog('', 5)).toEqual(CATALOG.slice(0, 5));
    expect(searchCatalog('aws', 3)).toHaveLength(3);
    expect(searchCatalog('a').length).toBeLessThanOrEqual(50);
  });
});

describe('search helpers', () => {
  it('counts edits, swaps of neighbours included', () => {
    expect(editDistance('kustmer', 'kustomer')).toBe(1);
    expect(editDistance('gihtub', 'github')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('normalizes text to lower-case words', () => {
    expect(normalize('  São-Paulo & Co. ')).toBe('sao paulo co');
  });
});
