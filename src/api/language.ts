// The language of the messages a request is answered with: `lang` in the query, else the `lang`
// cookie (the pages' language switch sets it), else the client's Accept-Language (Russian only when
// it prefers Russian to English), else English.
import type { Request } from 'express';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../messages/index.js';

export function messageLanguage(req: Request): MessageLanguage {
  const asked = req.query?.lang ?? cookie(req, 'lang');
  if (typeof asked === 'string' && isLanguage(asked)) return asked;
  // English is the catalogues' first language: it wins ties and answers `*` and a missing header.
  const accepted = req.acceptsLanguages(...MESSAGE_LANGUAGES);
  return typeof accepted === 'string' && isLanguage(accepted) ? accepted : 'en';
}

function isLanguage(code: string): code is MessageLanguage {
  return (MESSAGE_LANGUAGES as string[]).includes(code);
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of req.get('cookie')?.split(';') ?? []) {
    const [key, value] = part.split('=');
    if (key?.trim() === name) return value?.trim();
  }
  return undefined;
}
