/**
 * Deterministic, realistic-looking ideas: the same list for Ground Up and for
 * PouchDB. Words are drawn with a seeded generator so that a search has a
 * known selectivity: "discharge" is common (about 1 idea in 3: 32,183 of
 * 100,000 with section 6's seed), "tympanic" is rare (43 of those 100,000) and
 * "xylophone" never occurs.
 */
import type { SeedIdea } from '../page/harness.ts';

const COMMON = [
  'discharge',
  'handover',
  'bay',
  'pharmacy',
  'checklist',
  'night',
  'shift',
  'falls',
  'drugs',
  'round',
  'bleep',
  'porter',
  'bed',
  'board',
  'patients',
  'family',
  'visiting',
  'linen',
  'stock',
  'fridge',
  'obs',
  'sepsis',
  'mouth',
  'care',
  'pressure',
  'ulcers',
  'huddle',
  'rota',
  'breaks',
  'water',
  'jugs',
  'meals',
  'menu',
  'noise',
  'lights',
];
const CATEGORIES = ['safety', 'flow', 'experience', 'wellbeing', 'waste', 'other'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeIdeas(n: number, seed = 1): SeedIdea[] {
  const r = rng(seed);
  const pick = () => COMMON[Math.floor(r() * COMMON.length)] ?? 'ward';
  const out: SeedIdea[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 4 + Math.floor(r() * 5) }, pick);
    if (r() < 0.0005) words.splice(1, 0, 'tympanic');
    const title = words.join(' ');
    const detail =
      r() < 0.5 ? '' : Array.from({ length: 10 + Math.floor(r() * 15) }, pick).join(' ');
    out.push({
      title: title[0]?.toUpperCase() + title.slice(1),
      detail,
      category: CATEGORIES[i % CATEGORIES.length] ?? 'other',
    });
  }
  return out;
}
