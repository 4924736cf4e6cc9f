// A definition of an abbreviation found in text, and how it was written.
import { collapse } from './text-window.js';

/** `spelled out`: the long form written somewhere in the paper, not next to the short form (spelled-out.ts). */
export type DefinitionForm = 'long (SF)' | 'SF (long)' | 'hereinafter' | 'SF is long' | 'SF, or long' | 'long, or SF' | 'spelled out';

export interface Definition {
  /** The short form as written (TNCs, НИС). */
  short: string;
  /** The long form as written, white space collapsed. */
  long: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
  form: DefinitionForm;
}

export function makeDefinition(
  text: string,
  short: [number, number],
  long: [number, number],
  form: DefinitionForm,
): Definition {
  return {
    short: text.slice(short[0], short[1]),
    long: collapse(text.slice(long[0], long[1])),
    shortStart: short[0],
    shortEnd: short[1],
    longStart: long[0],
    longEnd: long[1],
    form,
  };
}
