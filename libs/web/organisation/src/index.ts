export { ORGANISATION_ROUTES } from './organisation.routes';
