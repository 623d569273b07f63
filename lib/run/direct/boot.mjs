// Worker entry: the engine is TypeScript and worker threads do not inherit the parent's loader, so register tsx here.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
