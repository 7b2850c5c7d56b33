// The registry of platform adapters, in detection order (most specific first, generic feeds last).
// Platform-specific adapters come before Statuspage: several of them (Statuspal's /api/v2/status_pages,
// incident.io's Statuspage-compatible /api/v2) share its URL shapes, and Statuspage's probe costs a request
// while theirs read only the page already fetched.
import type { PlatformAdapter } from './types';
import { statuspage } from './statuspage';
import { incidentioAdapter } from './incidentio';
import { instatusAdapter } from './instatus';
import { statusioAdapter } from './statusio';
import { betterstackAdapter } from './betterstack';
import { cachetAdapter } from './cachet';
import { statuspalAdapter } from './statuspal';
import { sorryAdapter } from './sorry';
import { cstateAdapter } from './cstate';
import { gcpAdapter } from './gcp';
import { googleWorkspaceAdapter } from './google_workspace';
import { awsAdapter } from './aws';
import { azureAdapter } from './azure';
import { slackAdapter } from './slack';
import { herokuAdapter } from './heroku';
import { appleAdapter } from './apple';
import { pagerdutyAdapter } from './pagerduty';
import { salesforceAdapter } from './salesforce';
import { zendeskAdapter } from './zendesk';
import { rootlyAdapter } from './rootly';
import { statuscastAdapter } from './statuscast';
import { feedAdapter } from './feed';

export const ADAPTERS: PlatformAdapter[] = [
  incidentioAdapter,
  instatusAdapter,
  statusioAdapter,
  betterstackAdapter,
  cachetAdapter,
  statuspalAdapter,
  sorryAdapter,
  cstateAdapter,
  gcpAdapter,
  googleWorkspaceAdapter,
  awsAdapter,
  azureAdapter,
  slackAdapter,
  herokuAdapter,
  appleAdapter,
  pagerdutyAdapter,
  salesforceAdapter,
  zendeskAdapter,
  statuscastAdapter,
  statuspage,
  // After Statuspage: it asks for its status document only on a page that names Rootly.
  rootlyAdapter,
  feedAdapter,
];
