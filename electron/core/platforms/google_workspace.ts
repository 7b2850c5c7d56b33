// Google Workspace status dashboard: the same incidents.json and products.json shapes as Google Cloud.
import { googleAdapter } from './common/google-adapter';

export const googleWorkspaceAdapter = googleAdapter({
  id: 'google_workspace',
  name: 'Google Workspace',
  hosts: ['www.google.com', 'google.com'],
  pathPrefix: '/appsstatus/dashboard',
  marker: /Google Workspace Status/i,
});
