/**
 * Ways a multiple-choice reply takes back or qualifies what it named, beyond a verdict on a letter: a refusal in
 * words the shared refusal list does not know, a doubt aimed at the answer just given ("Hmm, wait, that ignores
 * discounting."), and answers offered under alternative conditions ("If annual, (B); if monthly, (D).").
 */
import { findRefusal } from './refusal.ts';
import { allMatches } from './text.ts';

/**
 * "None of the listed values fits", "I'm not a medical professional and can't provide diagnoses": declining in
 * words the shared list (refusal.ts, also used by math) does not hold.
 */
const MC_REFUSAL = new RegExp(
  [
    String.raw`\bnone\s+of\s+the\s+(?:(?:listed|given|offered|available|provided)\s+)?(?:values|options|choices|answers|numbers|results|alternatives)(?:\s+(?:given|listed|provided|offered))?\s+(?:fits?|matches|match|works?|agrees?|is\s+(?:right|correct)|are\s+(?:right|correct))\b(?!(?:[^.!?\n]|\.\d)*\b(?:exactly|but|closest|nearest)\b)`,
    String.raw`\b(?:cannot|can't|can’t|am\s+unable\s+to|am\s+not\s+able\s+to|won't|will\s+not)\s+(?:provide|give|offer|make)\s+(?:a\s+|any\s+)?(?:medical\s+|legal\s+|financial\s+)?(?:diagnos[ie]s|diagnosis|advice|recommendations?)\b`,
    String.raw`\b(?:please\s+)?consult\s+(?:a|an|your)\s+(?:qualified\s+|licensed\s+)?(?:doctor|physician|healthcare\s+(?:provider|professional)|medical\s+professional|lawyer|attorney)\b`,
  ].join('|'),
  'i',
);

/** The first refusal phrase in `text` (the shared list's or a multiple-choice one), with its offset, or null. */
export function findMcRefusal(text: string): { start: number; end: number } | null {
  const shared = findRefusal(text);
  const m = MC_REFUSAL.exec(text);
  const own = m ? { start: m.index, end: m.index + m[0].length } : null;
  if (!shared || !own) return shared ?? own;
  return shared.start <= own.start ? shared : own;
}

/**
 * "Hmm, wait, that ignores discounting.", "Actually, that's wrong", "Oops, I made a mistake": a doubt cast on what
 * came just before. So is rereading the question ("Wait, the question asked for ...", "Hmm, I misread it"). Returns where each such doubt starts; a candidate named before one and not named again is
 * withdrawn.
 */
export function doubtsAt(text: string): number[] {
  const cue = String.raw`(?:wait|hmm+|actually|oops|no)\b[\s,.!—–-]*(?:(?:wait|hmm+|actually|no)\b[\s,.!—–-]*)*`;
  const doubt = String.raw`(?:(?:that|this|it)(?:'s|’s|\s+is|\s+was)?\s+(?:ignores|ignored|forgets|forgot|neglects|neglected|misses|missed|leaves\s+out|double[- ]counts|(?:wrong|not\s+right|incorrect|a\s+mistake)\b(?!\s+to\b))|I\s+(?:made\s+(?:a|an)\s+(?:mistake|error)|forgot|messed\s+up|miscalculated)\b|that\s+can(?:'t|’t|not)\s+be\s+right\b|the\s+question\s+(?:asked|asks|wants|is\s+asking)\b|I\s+misread\b|(?:scratch|strike|forget|disregard|ignore)\s+(?:that|this)\b(?!\s*[,:;—–-]*\s*[(\[]?[A-Z][)\]]?(?:[.,;!]|\s*$)))`;
  return allMatches(text, new RegExp(String.raw`\b${cue}${doubt}`, 'gi')).map((m) => m.index);
}

/**
 * "If the interest is compounded annually the answer is (B); if it is compounded monthly, it is (D).": each
 * commitment made in a clause opened by "if" (or "otherwise") is one branch; two branches naming different options
 * answer neither. Returns the offsets (letter starts) of the hits that are such branches.
 */
export function conditionalBranches(text: string, hits: ReadonlyArray<{ letter: string; letterStart: number }>): Set<number> {
  const branches = hits.filter((h) => {
    const clause = text.slice(0, h.letterStart).split(/[.!?](?=\s)|[;\n]/).at(-1) ?? '';
    // "If I had to pick, B" is a forced choice, not a branch.
    if (/\bif\s+(?:I|we)\s+(?:had|have|must|were)\s+to\b|\bif\s+(?:forced|pressed)\b/i.test(clause)) return false;
    return /^\s*(?:(?:but|and|or|whereas|while)\s+)?(?:if|otherwise|unless)\b/i.test(clause);
  });
  return new Set(branches.map((h) => h.letter)).size > 1 ? new Set(branches.map((h) => h.letterStart)) : new Set();
}
