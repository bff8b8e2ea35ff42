// What an account name and a sender domain may look like: checked alike by the CLI and the admin API.
export const ACCOUNT_NAME = /^[A-Za-z0-9._@+-]{1,128}$/;
export const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Passwords given by an operator: at least this long. */
export const MIN_PASSWORD_LENGTH = 8;
