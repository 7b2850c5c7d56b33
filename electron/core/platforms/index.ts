// The registry of platform adapters, in detection order (most specific first, generic feeds last).
import type { PlatformAdapter } from './types';
import { statuspage } from './statuspage';

export const ADAPTERS: PlatformAdapter[] = [statuspage];
