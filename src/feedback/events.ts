// The feedback stage's events, all in one place: each report received, what it was traced to, every suppression and
// every hold it caused. They have the timeline event's shape (message id, time, recipient, data) so that they can join
// the one event stream; until then the stage keeps them in its own table (report-store.ts).
import type { BounceKind } from '../bounce/index.js';
import type { Evidence } from '../shared/types.js';
import type { SuppressionReason } from './suppressions.js';

/** How a report was tied to a message: the VERP return path (recipient included) or the signed trace header. */
export type TraceVia = 'verp' | 'trace-header';

/** Why a report could not be tied to a message of ours. */
export type UntraceableReason = 'no-trace' | 'unknown-message' | 'unknown-recipient';

/** Where a report came in. */
export type ReportSource = 'smtp' | 'import' | 'http';

interface Base {
  at: number;
  /** The traced message; '' when the report could not be tied to one. */
  messageId: string;
  recipient?: string;
}

export type FeedbackEvent = Base &
  (
    | { type: 'report-received'; data: { reportId: number; kind: BounceKind; source: ReportSource; via: TraceVia; identity: string } }
    | { type: 'report-untraceable'; data: { reportId: number; kind: BounceKind; source: ReportSource; reason: UntraceableReason } }
    | { type: 'report-forged'; data: { reportId: number; kind: BounceKind; source: ReportSource; claimed: string } }
    | { type: 'report-duplicate'; data: { kind: BounceKind; source: ReportSource; key: string } }
    | { type: 'complaint'; data: { identity: string; feedbackType: string; userAgent: string | null } }
    | { type: 'late-bounce'; data: { identity: string; reason: string; status: string | null; hard: boolean } }
    | { type: 'unsubscribe'; data: { identity: string } }
    | { type: 'suppressed'; data: { account: string; reason: SuppressionReason; until: number; source: string } }
    | { type: 'sender-held'; data: { subject: string; recommendation: 'hold' | 'suspend'; evidence: Evidence[]; applied: boolean } }
    | { type: 'backscatter-dropped'; data: { refusal: string } }
  );

export type FeedbackEventType = FeedbackEvent['type'];

/** Where the stage's events go; the relay passes one that stores and logs them. */
export type FeedbackEventSink = (event: FeedbackEvent) => void;
