export * from './application';
export * from './documents';
export * from './form';
export * from './notification-text';
export * from './schemas';
export * from './settings';
export * from './state-machine';
