// Google Cloud status dashboard: `incidents.json` (every incident with its updates) and `products.json`.
import { googleAdapter } from './common/google-adapter';

export const gcpAdapter = googleAdapter({
  id: 'gcp',
  name: 'Google Cloud',
  hosts: ['status.cloud.google.com', 'status.firebase.google.com'],
  marker: /Google Cloud (Service Health|Status)|Firebase Status/i,
});
