/**
 * Precision and recall of the scanner on a labelled corpus (test/fixtures/pii-corpus/corpus.json), per category,
 * by counts: in each item, min(expected, found) findings are true positives, the surplus false positives, the
 * shortfall false negatives. For the tests and the benchmark; not part of the content script.
 */
import { CATEGORIES, scan, summarize, type Category } from './index';

export interface CorpusItem {
  id: string;
  lang: 'en' | 'fr';
  text: string;
  expect: Partial<Record<Category, number>>;
}
export interface CategoryScore {
  tp: number;
  fp: number;
  fn: number;
  /** 1 when nothing was found (and so nothing was wrongly found). */
  precision: number;
  /** 1 when nothing was expected. */
  recall: number;
}
export interface CorpusScore {
  perCategory: Record<Category, CategoryScore>;
  /** Items whose counts differ from their labels, with what was found. */
  misses: { id: string; expect: Partial<Record<Category, number>>; found: Partial<Record<Category, number>> }[];
}

export function scoreCorpus(items: readonly CorpusItem[]): CorpusScore {
  const perCategory = {} as Record<Category, CategoryScore>;
  for (const c of CATEGORIES) perCategory[c] = { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 };
  const misses: CorpusScore['misses'] = [];
  for (const item of items) {
    const got = summarize(scan(item.text));
    const found: Partial<Record<Category, number>> = {};
    let miss = false;
    for (const c of CATEGORIES) {
      const e = item.expect[c] ?? 0;
      const g = got[c];
      const s = perCategory[c];
      s.tp += Math.min(e, g);
      s.fp += Math.max(0, g - e);
      s.fn += Math.max(0, e - g);
      if (g) found[c] = g;
      if (g !== e) miss = true;
    }
    if (miss) misses.push({ id: item.id, expect: item.expect, found });
  }
  for (const c of CATEGORIES) {
    const s = perCategory[c];
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  }
  return { perCategory, misses };
}
