export * from './methods';
export * from './errors';
export * from './schemas';
export { dispatch, forbidden } from './dispatch';
export { encodeWire, decodeWire } from './wire';
export * from './sync-schemas';
export * from './protokoll-schemas';
export * from './lock-schemas';
