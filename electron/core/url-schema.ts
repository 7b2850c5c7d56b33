// The schema of a web address a user gives in a file (a vendor page, a forwarding target): http(s) with
// a host. One definition for the watchlist and the forwarding targets.
import { z } from 'zod';

export const httpUrl = z.string().refine(
  (value) => {
    try {
      const u = new URL(value);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  },
  { message: 'must be an http(s) URL' },
);
