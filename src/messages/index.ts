// The server's messages in the user's language. A message is a catalogue key with its details
// (the bad value, the valid ones…); it becomes text only when a response is written, in the
// language the request asks for, so services and errors carry data, never English sentences.
import { en, type MessageKey } from './en.js';
import { ru } from './ru.js';

export type { MessageKey };

/** One text per key for each language (the key set is en.ts's). */
export type Catalogue = Record<MessageKey, string>;

/** English first: the language of a request that asks for none of them. */
export const CATALOGUES = { en, ru } satisfies Record<string, Catalogue>;
export type MessageLanguage = keyof typeof CATALOGUES;
export const MESSAGE_LANGUAGES = Object.keys(CATALOGUES) as MessageLanguage[];

/** A detail: a value, a list of values, or a message of its own (written in the same language). */
export type MessageDetail = string | number | boolean | null | undefined | readonly (string | number)[] | Message | readonly Message[];

export interface Message {
  key: MessageKey;
  details?: Record<string, MessageDetail>;
}

/** A list of valid values longer than this is cut, with "…": an error names them, it does not print a catalogue. */
const LISTED = 60;

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(en, key);
}

/** The message's text in `language`, {name} filled in from its details. */
export function render(language: MessageLanguage, message: Message): string {
  return CATALOGUES[language][message.key].replace(/\{(\w+)\}/g, (_, name: string) => detailText(language, message.details?.[name]));
}

function detailText(language: MessageLanguage, detail: MessageDetail): string {
  if (detail === undefined || detail === null) return '';
  if (typeof detail !== 'object') return String(detail);
  if (!isList(detail)) return render(language, detail);
  // Messages are sentences, one after another; values are listed with commas.
  if (detail.some((d) => typeof d === 'object')) return (detail as readonly Message[]).map((m) => render(language, m)).join(' ');
  return (detail.length > LISTED ? [...detail.slice(0, LISTED), '…'] : detail).join(', ');
}

function isList(detail: object): detail is readonly (string | number | Message)[] {
  return Array.isArray(detail);
}

/** The details a client can act on without reading the text: plain values and lists, not nested messages. */
export function plainDetails(message: Message): Record<string, string | number | boolean | readonly (string | number)[]> | undefined {
  const plain = Object.entries(message.details ?? {}).filter(
    (entry): entry is [string, string | number | boolean | readonly (string | number)[]] =>
      entry[1] !== null && entry[1] !== undefined && (typeof entry[1] !== 'object' || (isList(entry[1]) && entry[1].every((v) => typeof v !== 'object'))),
  );
  return plain.length ? Object.fromEntries(plain) : undefined;
}
