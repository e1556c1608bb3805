export * from './asset-types';
export * from './classification';
export * from './wear-rates';
export * from './wear';
export * from './inventory';
export * from './asset-labels';
