import { setFlagsFromString } from 'node:v8';

/**
 * Lets a worker process's V8 heaps (its main thread's and its extraction threads') grow by
 * `percent` past what a full collection left before the next one starts (`workerHeapGrowingPercent`
 * in the config says why and what it measured). V8 reads the flag each time it sets a heap's next
 * limit, so setting it at start-up, before any work, is enough; 0 leaves V8's own growing factor.
 */
export function tuneWorkerHeap(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
