export * from './asset-types';
export * from './asset-labels';
