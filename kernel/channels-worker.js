// Worker entry: the heartbeat and control channels live off the main thread so they keep answering (and an
// interrupt_request can raise SIGINT) while a cell blocks the main thread. tsx makes the TypeScript importable.
import { register } from 'tsx/esm/api';

register();
await import('./channels.ts');
