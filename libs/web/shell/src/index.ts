export { loginRoute, shellRoute } from './shell.routes';
