export { ACCOUNTS_ROUTES, SECURITY_ROUTES } from './accounts.routes';
// The home page's panel; the app loads it from this library's lazy chunk (HOME_PANELS).
export { AccountsAttentionPanel } from './feature-home/accounts-attention.panel';
export { SecurityAlertsPanel } from './feature-home/security-alerts.panel';
