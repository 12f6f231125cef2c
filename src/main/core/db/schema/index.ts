export * from './relations';
export * from './audit';
