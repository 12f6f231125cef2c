import type { UnitDto } from '../../../shared/contract';

/** Which unit dialog is open (tree and detail page share them). */
export type UnitDialog =
  | { kind: 'create'; parentId: string | null }
  | { kind: 'edit'; unit: UnitDto }
  | { kind: 'stop'; unit: UnitDto }
  | { kind: 'move'; unit: UnitDto }
  | { kind: 'delete'; unit: UnitDto }
  | null;
