import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { AppError, ErrorCode } from '../errors.js';
import type { ImportJobData, ImportJobResult } from './importJob.js';

export type ImportQueue = Queue<ImportJobData, ImportJobResult>;

/**
 * Retries and retention of batch jobs. A job that failed (its worker lost the database, was
 * killed twice…) is retried with backoff; its write is idempotent (articles are keyed by source
 * and content hash), so a retry never stores anything twice. Finished jobs are kept a day so
 * that `--wait`, or a later look, can read their reports.
 */
export const IMPORT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** BullMQ's connection to `REDIS_URL` (its workers block on Redis, so commands are never given up). */
export function queueConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

/** The import queue named `name` (`IMPORT_QUEUE`); close it when done. */
export function openImportQueue(redisUrl: string, name: string): ImportQueue {
  return new Queue<ImportJobData, ImportJobResult>(name, { connection: queueConnection(redisUrl), defaultJobOptions: IMPORT_JOB_OPTIONS });
}

/**
 * Fails fast with REDIS_UNREACHABLE when Redis does not answer: BullMQ itself would wait for
 * it for ever, which a command line must not.
 */
export async function assertRedisReachable(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The connection's own error says why (ECONNREFUSED…); connect() only says it closed.
  let reason: Error | null = null;
  redis.on('error', (error: Error) => (reason ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const where = redactUrl(redisUrl);
    const message = (reason ?? (error as Error)).message;
    throw new AppError(ErrorCode.REDIS_UNREACHABLE, `cannot connect to Redis at ${where}: ${message}`, { where }, { cause: error });
  } finally {
    redis.disconnect();
  }
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}
