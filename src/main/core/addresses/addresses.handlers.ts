import type { Operation } from '../audit/operation-writer';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { addressesContract } from '../../../shared/contract';
import { deleteAddress, getAddress, insertAddress, moveAddress, toAddressDto, updateAddress } from './addresses.repo';

export function addressesHandlers(ctx: CoreContext): HandlerGroup<keyof typeof addressesContract> {
  const changed = (op: Pick<Operation, 'changed'>, relationId: string) =>
    op.changed('relations.changed', { ids: [relationId] });
  return {
    'addresses.add': ({ relationId, address }) =>
      ctx.write('addresses.add', { relationId }, (op) => {
        const row = insertAddress(ctx, relationId, address);
        changed(op, relationId);
        return toAddressDto(row, ctx.today());
      }),
    'addresses.update': ({ id, address }) =>
      ctx.write('addresses.update', { id }, (op) => {
        const row = updateAddress(ctx, id, address);
        changed(op, row.relationId);
        return toAddressDto(row, ctx.today());
      }),
    'addresses.move': ({ relationId, date, address }) =>
      ctx.write('addresses.move', { relationId, date }, (op) => {
        const row = moveAddress(ctx, relationId, date, address);
        changed(op, relationId);
        return toAddressDto(row, ctx.today());
      }),
    'addresses.remove': ({ id }) =>
      ctx.write('addresses.remove', { id }, (op) => {
        const row = getAddress(ctx, id);
        deleteAddress(ctx, id);
        changed(op, row.relationId);
        return { id };
      }),
  };
}
