// `node --import ./register.mjs out/main/index.js`: resolves `electron` to the recording stand-in in this
// folder (Electron's binary cannot be installed here); every other module resolves as usual.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
