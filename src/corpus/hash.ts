import { createHash } from 'node:crypto'

/** The content hash of some bytes. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32)
}
