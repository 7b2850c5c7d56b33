// Every status-page platform StatusTray reads, by id. The catalog names these; each has one adapter in
// electron/core/platforms/.

export const PLATFORM_IDS = [
  'statuspage',
  'incidentio',
  'instatus',
  'statusio',
  'betterstack',
  'cachet',
  'statuspal',
  'sorry',
  'cstate',
  'gcp',
  'google_workspace',
  'aws',
  'azure',
  'slack',
  'heroku',
  'apple',
  'pagerduty',
  'salesforce',
  'zendesk',
  'feed',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const PLATFORM_LABEL: Record<PlatformId, string> = {
  statuspage: 'Atlassian Statuspage',
  incidentio: 'incident.io',
  instatus: 'Instatus',
  statusio: 'status.io',
  betterstack: 'Better Stack',
  cachet: 'Cachet',
  statuspal: 'Statuspal',
  sorry: 'Sorry',
  cstate: 'cState',
  gcp: 'Google Cloud',
  google_workspace: 'Google Workspace',
  aws: 'AWS Health',
  azure: 'Azure',
  slack: 'Slack',
  heroku: 'Heroku',
  apple: 'Apple System Status',
  pagerduty: 'PagerDuty status page',
  salesforce: 'Salesforce Trust',
  zendesk: 'Zendesk status',
  feed: 'RSS/Atom feed',
};
