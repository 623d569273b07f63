import { rowError, type RowLocation } from '../errors.ts';
import type { RawValues } from '../values.ts';
import type { Recipe } from './types.ts';

const USER_ROLES = new Set(['user', 'human']);
const ASSISTANT_ROLES = new Set(['assistant', 'gpt', 'model', 'bot', 'chatbot']);
const TURN_COLUMNS = ['messages', 'conversations'];

interface Turn {
  role: string;
  text: string;
}

/** Content may be a string or OpenAI-style parts ([{type: 'text', text}]); only text parts count. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === 'string' ? part : typeof part === 'object' && part !== null ? String((part as RawValues).text ?? '') : ''))
      .join('');
  }
  return '';
}

function readTurns(values: RawValues, location: RowLocation): Turn[] {
  const column = TURN_COLUMNS.find((name) => values[name] !== undefined && values[name] !== null);
  if (!column) rowError(location, 'messages', 'is missing (looked for columns messages, conversations)', 'Chat logs need a list of {role, content} or {from, value} turns.');
  let turns = values[column];
  if (typeof turns === 'string') {
    try {
      turns = JSON.parse(turns);
    } catch {
      rowError(location, column, 'is text that is not a JSON list of turns', 'Store the turns as a JSON array of {role, content} objects.');
    }
  }
  if (!Array.isArray(turns)) rowError(location, column, 'is not a list of turns', 'Store the turns as an array of {role, content} objects.');
  return turns.map((turn): Turn => {
    const record = (typeof turn === 'object' && turn !== null ? turn : {}) as RawValues;
    return { role: String(record.role ?? record.from ?? '').toLowerCase(), text: contentText(record.content ?? record.value) };
  });
}

/** First user turn -> prompt, first assistant turn after it -> reference answer for the judge. */
export const chatLog: Recipe = {
  name: 'chat-log',
  description: 'Chat logs: messages/conversations as role/content or from/value turns; first user turn is the prompt, first reply the reference (judge)',
  columns: {
    id: ['id', 'conversation_id'],
    domain: ['domain', 'category'],
  },
  grader: 'judge',
  consumes: TURN_COLUMNS,
  convert(values, { location }) {
    const turns = readTurns(values, location);
    const userAt = turns.findIndex((turn) => USER_ROLES.has(turn.role));
    if (userAt < 0) rowError(location, 'messages', 'has no user turn', 'Each chat needs a turn with role "user" (or from "human").');
    const reply = turns.slice(userAt + 1).find((turn) => ASSISTANT_ROLES.has(turn.role));
    if (!reply) rowError(location, 'messages', 'has no assistant turn after the first user turn', 'Keep only chats with a reply; it is the reference answer for the judge.');
    const system = turns.find((turn) => turn.role === 'system');
    const meta: RawValues = { turns: turns.length };
    if (system) meta.system = system.text;
    return { fields: { prompt: turns[userAt]?.text, answer: reply.text }, meta };
  },
};
