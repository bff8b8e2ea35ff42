// Where behaviour state lives. The relay works on live state objects in memory (cheap on the hot path); the store
// decides how and when they reach durable or shared storage. The SQLite implementation keeps a working set and
// writes touched states in batches; a Redis implementation for several relay nodes would load and save the same
// JSON forms (state.ts) per key.
import type { IdentityState, LoginState } from './state.js';

export interface CounterStore {
  /** The identity's live state, loaded on first use or created new; counted as changed. */
  identity(key: string, now: number): IdentityState;
  /** The identity's state if it exists, without creating it (for reports). */
  findIdentity(key: string): IdentityState | undefined;
  /** Every identity key the store knows, sorted. */
  identityKeys(): string[];
  /** The login's live state (AUTH history), loaded on first use or created new; counted as changed. */
  login(name: string): LoginState;
  /** The login's state if it exists, without creating it. */
  findLogin(name: string): LoginState | undefined;
  /** Write every state changed since the last flush. */
  flush(): void;
  /** Flush, and stop any timer. */
  close(): void;
}
