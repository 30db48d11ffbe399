export * from './swedish';
export * from './filter';
export * from './highlight';
