export * from './asset-types';
export * from './inventory';
