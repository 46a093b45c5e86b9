import { describe, expect, it } from 'vitest';
import { computeVerdict } from '@/lib/verdict';

describe('smoke', () => {
  it('unknown plan is unknown', () => {
    expect(computeVerdict({ product: 'vibe', plan: null, controls: {} }).state).toBe('unknown');
  });
});
