export { ASSETS_ROUTES } from './assets.routes';
