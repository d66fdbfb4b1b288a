// The worker's entry: worker threads do not inherit tsx's loader, so register it, then run the TypeScript.
import { register } from 'tsx/esm/api'

register()
await import('./build-worker.ts')
