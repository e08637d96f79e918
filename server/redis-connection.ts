import {Redis} from 'ioredis';

/** BullMQ needs `maxRetriesPerRequest: null` so blocking commands wait out a Redis restart instead of failing. */
export const connectRedis = (url: string): Redis => new Redis(url, {maxRetriesPerRequest: null});
