export * from './relations';
export * from './groups';
export * from './memberships';
export * from './audit';
export * from './dedupe';
export * from './contacts';
export * from './contributions';
export * from './sepa';
