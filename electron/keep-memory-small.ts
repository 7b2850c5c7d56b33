// Imported first by the desktop main process (main.ts), so that V8 is told to keep its memory small before
// the rest of the app (its bundled libraries included) is loaded: loading it already grows the young
// generation to its largest, about 10 MB resident for good when set any later (see core/resident-memory.ts).
import { keepResidentMemorySmall } from './core/resident-memory';

keepResidentMemorySmall();
