import {makeLocalStorage} from './local-storage';
import type {RenderStorage} from './render-storage';
import {makeS3Storage} from './s3-storage';
import type {StorageConfig} from '../platform/storage-config';

export const makeStorage = (config: StorageConfig): RenderStorage =>
	config.kind === 'local' ? makeLocalStorage({dir: config.dir}) : makeS3Storage(config);
