/**
 * Phrases by which a model declines to pick an answer. Only consulted when no answer was found, so
 * "I can't be certain, but the answer is B" still reads as B.
 */
const REFUSAL = new RegExp(
  [
    String.raw`\bI\s*(?:cannot|can\s*not|can't|can’t|am\s+unable\s+to|am\s+not\s+able\s+to|won't|will\s+not|must\s+decline\s+to|decline\s+to)\s+(?:answer|help|assist|provide|determine|choose|select|pick|comply|give|respond|decide|solve|compute|calculate|find)`,
    String.raw`\bI(?:'m|\s+am|’m)\s+(?:sorry|afraid)\b`,
    String.raw`\bas\s+an\s+ai\b`,
    String.raw`\b(?:cannot|can't|can’t|could\s+not)\s+be\s+(?:determined|answered|decided)`,
    String.raw`\b(?:not|insufficient)\s+enough\s+information\b|\binsufficient\s+information\b|\binformation\s+(?:is\s+)?(?:insufficient|missing)\b`,
    String.raw`\bnone\s+of\s+the\s+(?:options|choices|answers|above|given\s+options)(?:\s+(?:given|listed|provided|offered))?\s+(?:is|are|seems?|appears?|fits?|matches|match|works?|holds?)\b`,
    // "The answer is none of the above" (read as an option instead when one says so: that is tried first).
    String.raw`\b(?:answer|choice|option|it)\s+(?:is|would\s+be|must\s+be)\s+none\s+of\s+(?:the\s+)?(?:above|options|choices|these|them)\b`,
    String.raw`\bI\s+(?:don't|do\s+not|don’t)\s+know\b`,
    String.raw`\bno\s+(?:correct\s+)?(?:option|choice|answer)\s+(?:is|fits|matches)\b`,
    // "so none of them fit", "none of these match": a verdict on the options, not a remark about some other things.
    String.raw`\bnone\s+of\s+(?:them|these|those)(?:\s+(?:options|choices|answers))?\s+(?:fits?|matches|match|works?|applies|apply|(?:is|are)\s+(?:right|correct))\b`,
  ].join('|'),
  'i',
);

/** The first refusal phrase in `text`, with its offset, or null. */
export function findRefusal(text: string): { start: number; end: number } | null {
  const m = REFUSAL.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}
