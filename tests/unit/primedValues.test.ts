import DataLoader from 'dataloader';
import { loadPrimed, primeLoader } from '../../src/graphql/loaders/primedValues.js';

/** A loader that records the keys it was asked to read and answers `row <key>`. */
function recordingLoader(options: DataLoader.Options<string, string, string> = {}) {
  const batches: string[][] = [];
  const loader = new DataLoader<string, string, string>(async (keys) => {
    batches.push([...keys]);
    return keys.map((key) => `row ${key}`);
  }, options);
  return { loader, batches };
}

describe('primed loader values', () => {
  it('are read without a promise, null included, and never reach the batch function', async () => {
    const { loader, batches } = recordingLoader();
    primeLoader(loader, 'a', 'primed a');
    primeLoader(loader, 'none', null as unknown as string);
    expect([loadPrimed(loader, 'a'), loadPrimed(loader, 'none')]).toEqual(['primed a', null]);
    // DataLoader itself holds the same value for code that still calls load().
    expect(await loader.load('a')).toBe('primed a');
    expect(batches).toEqual([]);
  });

  it('fall back to the loader for keys nobody primed', async () => {
    const { loader, batches } = recordingLoader();
    primeLoader(loader, 'a', 'primed a');
    const loaded = loadPrimed(loader, 'b');
    expect(loaded).toBeInstanceOf(Promise);
    expect(await loaded).toBe('row b');
    expect(batches).toEqual([['b']]);
  });

  it('keep what the loader had already read, as DataLoader.prime does', async () => {
    const { loader } = recordingLoader();
    expect(await loader.load('a')).toBe('row a');
    primeLoader(loader, 'a', 'primed a');
    expect(await loadPrimed(loader, 'a')).toBe('row a');
    // A key being read (its batch not yet run) is held too.
    const pending = loader.load('b');
    primeLoader(loader, 'b', 'primed b');
    expect([await loadPrimed(loader, 'b'), await pending]).toEqual(['row b', 'row b']);
  });

  it('are found by the loader’s cache key when it maps keys', async () => {
    const cacheKey = (key: string) => key.toLowerCase();
    const { loader, batches } = recordingLoader({ cacheKeyFn: cacheKey });
    primeLoader(loader, 'A', 'primed a', cacheKey('A'));
    expect(loadPrimed(loader, 'a', cacheKey('a'))).toBe('primed a');
    expect(await loader.load('a')).toBe('primed a');
    expect(batches).toEqual([]);
  });

  it('belong to one loader: another loader (another request) does not see them', async () => {
    const first = recordingLoader();
    const second = recordingLoader();
    primeLoader(first.loader, 'a', 'primed a');
    expect(await loadPrimed(second.loader, 'a')).toBe('row a');
  });
});
