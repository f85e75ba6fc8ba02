// Menu inputs several test files share.
import type { ChannelInput } from '../../electron/shared/contract';

/** The example group: required, one choice, "With whip" by default, "No whip" −₱10.00. */
export const WHIP_GROUP: ChannelInput<'menu.saveGroup'> = {
  name: 'Whip',
  minChoices: 1,
  maxChoices: 1,
  allowRepeat: false,
  options: [
    { name: 'With whip', priceDelta: 0, isDefault: true },
    { name: 'No whip', priceDelta: -1000, isDefault: false },
  ],
};
