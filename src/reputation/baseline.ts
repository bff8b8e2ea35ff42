// An identity's own history: how much it sends by hour of day (EWMA per hour-of-day slot), how bursty its busiest
// minute and hour usually are, and how many clean days it has. Folded once per hour and per day, never per message,
// so the hot path only bumps the current period's counts.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Weight of the newest day in each hour-of-day slot: about a week of memory. */
const HOUR_SLOT_ALPHA = 0.3;
/** Peaks ratchet up at once and fade by this factor per active day, so one quiet day does not erase a usual burst. */
const PEAK_DECAY = 0.9;
/** Hours folded one by one after a pause; beyond that, the remaining quiet days only fade the slots. */
const MAX_HOURS_FOLDED = 48;

export interface Baseline {
  /** Messages in each UTC hour of the day (EWMA over days). */
  hourOfDay: number[];
  /** Hours folded so far; the first day's hours set the slots directly instead of averaging with zero. */
  foldedHours: number;
  /** Usual busiest minute, hour, and same-content recipients in an hour (decaying maxima over active days). */
  peakMinute: number;
  peakHour: number;
  peakRepeat: number;
  /** Usual same-content recipients in a day (decaying maximum), for slow campaigns that stay under the hourly one. */
  peakRepeatDay: number;
  /** Messages per active day (EWMA). */
  dailyMessages: number;
  activeDays: number;
  /** Active days on which no signal fired: the history trust is earned from. */
  cleanDays: number;
}

/** The periods in progress, folded into the baseline when they end. */
export interface Period {
  hourIndex: number;
  hourMessages: number;
  dayIndex: number;
  dayMessages: number;
  dayPeakMinute: number;
  dayPeakHour: number;
  dayPeakRepeat: number;
  dayPeakRepeatDay: number;
  dayFlagged: boolean;
}

export function newBaseline(): Baseline {
  return { hourOfDay: new Array<number>(24).fill(0), foldedHours: 0, peakMinute: 0, peakHour: 0, peakRepeat: 0, peakRepeatDay: 0, dailyMessages: 0, activeDays: 0, cleanDays: 0 };
}

export function newPeriod(now: number): Period {
  return {
    hourIndex: Math.floor(now / HOUR),
    hourMessages: 0,
    dayIndex: Math.floor(now / DAY),
    dayMessages: 0,
    dayPeakMinute: 0,
    dayPeakHour: 0,
    dayPeakRepeat: 0,
    dayPeakRepeatDay: 0,
    dayFlagged: false,
  };
}

function foldHour(b: Baseline, p: Period): void {
  const slot = p.hourIndex % 24;
  b.hourOfDay[slot] = b.foldedHours < 24 ? p.hourMessages : HOUR_SLOT_ALPHA * p.hourMessages + (1 - HOUR_SLOT_ALPHA) * b.hourOfDay[slot]!;
  b.foldedHours++;
  p.dayPeakHour = Math.max(p.dayPeakHour, p.hourMessages);
  p.hourMessages = 0;
}

function foldDay(b: Baseline, p: Period): void {
  if (p.dayMessages > 0) {
    b.dailyMessages = b.activeDays === 0 ? p.dayMessages : HOUR_SLOT_ALPHA * p.dayMessages + (1 - HOUR_SLOT_ALPHA) * b.dailyMessages;
    b.peakMinute = Math.max(p.dayPeakMinute, b.peakMinute * PEAK_DECAY);
    b.peakHour = Math.max(p.dayPeakHour, b.peakHour * PEAK_DECAY);
    b.peakRepeat = Math.max(p.dayPeakRepeat, b.peakRepeat * PEAK_DECAY);
    b.peakRepeatDay = Math.max(p.dayPeakRepeatDay, b.peakRepeatDay * PEAK_DECAY);
    b.activeDays++;
    if (!p.dayFlagged) b.cleanDays++;
  }
  p.dayMessages = 0;
  p.dayPeakMinute = 0;
  p.dayPeakHour = 0;
  p.dayPeakRepeat = 0;
  p.dayPeakRepeatDay = 0;
  p.dayFlagged = false;
}

/** Fold every hour and day that ended before `now`. Bounded: a long pause costs at most MAX_HOURS_FOLDED steps. */
export function rollover(b: Baseline, p: Period, now: number): void {
  const target = Math.floor(now / HOUR);
  let steps = 0;
  while (p.hourIndex < target && steps < MAX_HOURS_FOLDED) {
    foldHour(b, p);
    p.hourIndex++;
    steps++;
    const day = Math.floor((p.hourIndex * HOUR) / DAY);
    if (day !== p.dayIndex) {
      foldDay(b, p);
      p.dayIndex = day;
    }
  }
  if (p.hourIndex < target) {
    // Whole quiet days beyond the folded ones: each would fold a zero into every slot.
    const quietDays = Math.floor((target - p.hourIndex) / 24);
    const fade = (1 - HOUR_SLOT_ALPHA) ** quietDays;
    b.hourOfDay = b.hourOfDay.map((v) => v * fade);
    p.hourIndex = target;
    p.dayIndex = Math.floor(now / DAY);
  }
}

/** Count one message in the current periods (after `rollover`). */
export function countMessage(p: Period): void {
  p.hourMessages++;
  p.dayMessages++;
}

/** Record the busiest minute and same-content repetition (over an hour and over a day) seen so far today. */
export function notePeaks(p: Period, minuteMessages: number, repeatRecipients: number, repeatDayRecipients: number): void {
  p.dayPeakMinute = Math.max(p.dayPeakMinute, minuteMessages);
  p.dayPeakRepeat = Math.max(p.dayPeakRepeat, repeatRecipients);
  p.dayPeakRepeatDay = Math.max(p.dayPeakRepeatDay, repeatDayRecipients);
}

/**
 * How many messages are unsurprising in the hour that contains `now`: its hour-of-day slot or a neighbour (a usual
 * send that runs a little early or late), or an eighth of a usual day (so a small sender's occasional busy hour is
 * not a burst).
 */
export function expectedHour(b: Baseline, now: number): number {
  const h = Math.floor(now / HOUR) % 24;
  return Math.max(b.hourOfDay[(h + 23) % 24]!, b.hourOfDay[h]!, b.hourOfDay[(h + 1) % 24]!, b.dailyMessages / 8);
}

/** 0 for an identity with no history, 1 once it has `trustDays` clean active days. */
export function trust(b: Baseline, trustDays: number): number {
  return Math.min(1, b.cleanDays / trustDays);
}
