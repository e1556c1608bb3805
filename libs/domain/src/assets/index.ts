export * from './asset-types';
