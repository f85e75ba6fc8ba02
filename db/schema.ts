// The local SQLite schema (drizzle). Conventions (DESIGN.md §3):
// - money: integer minor units; time: UTC epoch milliseconds;
// - rows that will sync carry a UUIDv7 text id (globally unique, time-sortable);
// - orders never cascade from people or menu items: RESTRICT, and snapshots of what was sold.
// One file per domain under db/schema/; this module is the one the app and drizzle-kit import.
export * from './schema/accounts';
export * from './schema/menu';
export * from './schema/orders';
export * from './schema/shifts';
export * from './schema/reports';
