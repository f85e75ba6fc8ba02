// Contract, menu: categories, items and their modifier groups.
import { z } from 'zod';
import type { Minor } from '../money';
import { id } from '../schemas';
import { channel, empty, minor } from './channel';

export interface ModifierOptionView {
  id: string;
  name: string;
  priceDelta: Minor;
  isDefault: boolean;
}

export interface ModifierGroupView {
  id: string;
  name: string; // Size, Milk, Extras
  minChoices: number; // 1 = required
  maxChoices: number;
  options: ModifierOptionView[];
}

export interface MenuItemView {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  price: Minor;
  isAvailable: boolean;
  sku: string | null;
  modifierGroups: ModifierGroupView[];
}

export interface MenuCategoryView {
  id: string;
  name: string;
  slug: string;
  kind: 'drink' | 'food';
  items: MenuItemView[];
}


export const menuChannels = {
  'menu.updateItem': channel<MenuItemView>()({
    input: z.strictObject({ menuItemId: id, price: minor.max(999_999, 'At most 9,999.99').optional(), isAvailable: z.boolean().optional() }),
    permission: 'menu.edit',
    summary: "Change an item's price or mark it sold out.",
  }),
  'menu.list': channel<MenuCategoryView[]>()({
    input: empty,
    permission: 'menu.view',
    summary: 'Categories with their items, in display order (archived items left out).',
  }),
};
