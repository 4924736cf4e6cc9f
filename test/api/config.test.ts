// Configuration is read once from the environment and refused with a readable message.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, ocrOptions } from '../../src/config.js';

describe('config', () => {
  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'x', OCR_LANGUAGES: 'rus eng' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'x', OCR_LANGUAGES: 'rus eng' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/OCR_LANGUAGES: language codes joined by \+/);
    }
  });

  it('asks for OCR of scanned pages by default, and not when OCR_LANGUAGES is empty', () => {
    // Pages are read one per core unless OCR_THREADS says otherwise.
    expect(ocrOptions(loadConfig({}))).toEqual({ languages: 'rus+eng', maxPages: 30, threads: availableParallelism() });
    expect(ocrOptions(loadConfig({ OCR_THREADS: '1' }))?.threads).toBe(1);
    expect(ocrOptions(loadConfig({ OCR_LANGUAGES: '' }))).toBeUndefined();
    expect(ocrOptions(loadConfig({ OCR_MAX_PAGES: '0' }))).toBeUndefined();
  });
});
