// Screen-time estimate. The trade's rule is one page per minute; pages of talk play faster than
// pages of action (a dialogue column is 35 characters wide, and people talk faster than they do
// things on screen), so the rule is adjusted by dialogue density. The assumptions travel with
// every estimate so a report can print them.

import { PAGE_MODEL } from './pagination';

export const RUNTIME_MODEL = {
  /** One page of a typical feature, about half dialogue, plays in a minute. */
  secondsPerPage: 60,
  /** Dialogue share at which a page plays in exactly `secondsPerPage`. */
  typicalDialogueShare: 0.5,
  /** All-action pages play this much slower, all-dialogue pages this much faster. */
  swing: 0.25,
} as const;

/** Seconds per printed line at a given dialogue share (0–1). */
export function secondsPerLine(dialogueShare: number): number {
  const { secondsPerPage, typicalDialogueShare, swing } = RUNTIME_MODEL;
  const factor = 1 + (swing / typicalDialogueShare) * (typicalDialogueShare - dialogueShare);
  return (secondsPerPage / PAGE_MODEL.linesPerPage) * factor;
}

/** Estimated seconds for `lines` printed lines of which `dialogueLines` are cues and speech. */
export function estimateSeconds(lines: number, dialogueLines: number): number {
  if (lines <= 0) return 0;
  const share = Math.min(1, Math.max(0, dialogueLines / lines));
  return lines * secondsPerLine(share);
}

export function runtimeAssumptions(dialogueShare: number): string[] {
  const { secondsPerPage, swing } = RUNTIME_MODEL;
  const pct = Math.round(swing * 100);
  return [
    `1 page ≈ ${secondsPerPage / 60} minute of screen time (US Letter, Courier 12, ${PAGE_MODEL.linesPerPage} printed lines per page).`,
    `Adjusted by dialogue density per scene: seconds = lines ÷ ${PAGE_MODEL.linesPerPage} × ${secondsPerPage} × (1 + ${pct / 100} × (1 − 2 × dialogue share)); half-dialogue pages play in a minute, all-dialogue pages ${pct}% faster, all-action pages ${pct}% slower.`,
    `Dialogue share of this script: ${Math.round(dialogueShare * 100)}% of printed lines.`,
    'An estimate for scheduling, not a timing: performance, action sequences and editing decide the real length.',
  ];
}
