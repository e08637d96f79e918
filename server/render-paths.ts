import {join} from 'node:path';

export const renderDir = (rendersDir: string, id: string): string => join(rendersDir, id);
export const videoPath = (rendersDir: string, id: string): string => join(rendersDir, id, 'video.mp4');
