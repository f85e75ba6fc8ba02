// The typed IPC contract: every channel, its input schema, its output type and the permission
// it needs. Main (router), preload and renderer (typed client) all read this one table; it
// imports neither Node nor DOM code so all three can. Each domain declares its channels in
// contract/<domain>.ts; this file assembles them, in the order of the design, into one table
// that the router, the typed client and the tests enumerate.
import type { z } from 'zod';
import { MAX_TAX_RATE_BP, type Currency, type Minor } from './money';
import type { Permission, Role } from './permissions';
import { accountChannels } from './contract/accounts';
import { auditChannels } from './contract/audit';
import { cartChannels } from './contract/cart';
import { menuChannels } from './contract/menu';
import { orderChannels } from './contract/orders';
import { refundChannels } from './contract/refunds';
import { reportChannels } from './contract/reports';
import { settingsChannels } from './contract/settings';
import { shiftChannels } from './contract/shifts';

export * from './contract/accounts';
export * from './contract/audit';
export * from './contract/cart';
export * from './contract/menu';
export * from './contract/orders';
export * from './contract/refunds';
export * from './contract/reports';
export * from './contract/settings';
export * from './contract/shifts';

export const contract = {
  ...accountChannels,
  ...settingsChannels,
  ...auditChannels,
  ...menuChannels,
  ...cartChannels,
  ...orderChannels,
  ...refundChannels,
  ...shiftChannels,
  ...reportChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function shortOrderNumber(orderNumber: string): string {
  const seq = orderNumber.slice(orderNumber.lastIndexOf('-') + 1);
  return `#${seq.replace(/^0(?=\d{3})/, '')}`;
}

export type { Currency, Minor, Role, Permission };
export const MAX_TAX_RATE_PERCENT = MAX_TAX_RATE_BP / 100;
