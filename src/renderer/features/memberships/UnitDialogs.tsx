import type { UnitDialog } from './unit-dialog';
import type { UnitNode } from './unit-tree';
import { flattenTree } from './unit-tree';
import { UnitDeleteModal } from './UnitDeleteModal';
import { UnitFormModal } from './UnitFormModal';
import { UnitMoveModal } from './UnitMoveModal';
import { UnitStopModal } from './UnitStopModal';

interface Props {
  dialog: UnitDialog;
  tree: UnitNode[];
  onClose: () => void;
  onCreated?: (id: string | null) => void;
  onDeleted?: () => void;
}

/** The open unit dialog, if any: create, edit, stop, move or delete. */
export function UnitDialogs({ dialog, tree, onClose, onCreated, onDeleted }: Props) {
  if (!dialog) return null;
  const flat = flattenTree(tree);
  switch (dialog.kind) {
    case 'create':
      return <UnitFormModal parentId={dialog.parentId} flat={flat} onClose={onClose} onSaved={onCreated} />;
    case 'edit':
      return <UnitFormModal unit={dialog.unit} flat={flat} onClose={onClose} />;
    case 'stop':
      return <UnitStopModal unit={dialog.unit} onClose={onClose} />;
    case 'move':
      return <UnitMoveModal unit={dialog.unit} tree={tree} flat={flat} onClose={onClose} />;
    case 'delete':
      return <UnitDeleteModal unit={dialog.unit} onClose={onClose} onDeleted={onDeleted} />;
  }
}
