// Everything in core (no bullmq or ioredis), plus the queue and Redis setup.
export * from './core.js';
export * from './queues.js';
export * from './redis.js';
