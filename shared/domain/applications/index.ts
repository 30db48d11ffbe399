/** Ansökan om medel: the model and its rules, budget, diff between versions, and jäv. */
export * from './model';
export * from './budget';
export * from './diff';
export * from './jav';
export * from './review-events';
