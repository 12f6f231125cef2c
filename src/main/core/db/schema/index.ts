export * from './relations';
export * from './groups';
export * from './audit';
