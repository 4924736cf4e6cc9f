// The part of the `az` package (Russian morphology on OpenCorpora dictionaries) that we use;
// the package ships no type declarations.
declare module 'az' {
  interface AzTag {
    POS: string;
    /** Grammemes are flags on the tag: tag.nomn, tag.femn, tag.plur, tag.Abbr, tag.Pltm … */
    readonly [grammeme: string]: unknown;
    toString(): string;
  }
  interface AzParse {
    word: string;
    tag: AzTag;
    score: number;
    parser: string;
    normalize(keepPOS?: boolean): AzParse;
    inflect(grammemes: string[]): AzParse | false;
  }
  interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (error: Error | null) => void): void;
  }
  const Az: { Morph: AzMorph };
  export type { AzParse, AzTag };
  export default Az;
}
