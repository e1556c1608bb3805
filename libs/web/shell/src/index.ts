export { loginRoute, shellRoute } from './shell.routes';
export { HOME_PANELS, type HomePanel } from './feature-dashboard/home-panels';
