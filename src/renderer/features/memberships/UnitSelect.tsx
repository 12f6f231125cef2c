import { Select, Text, type SelectProps } from '@mantine/core';
import type { UnitNode } from './unit-tree';

interface Props extends Omit<SelectProps, 'data' | 'renderOption'> {
  /** Units in depth-first order (flattenTree). */
  units: UnitNode[];
  /** Extra choices before the units, e.g. "(geen: een nieuwe organisatie)". */
  extra?: { value: string; label: string }[];
}

/** A unit picker that shows the tree by indenting the options; the chosen value reads as the plain name. */
export function UnitSelect({ units, extra = [], ...rest }: Props) {
  const depth = new Map(units.map((n) => [n.unit.id, n.depth]));
  return (
    <Select
      searchable
      data={[...extra, ...units.map((n) => ({ value: n.unit.id, label: n.unit.name }))]}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depth.get(option.value) ?? 0) * 14}>
          {option.label}
        </Text>
      )}
      {...rest}
    />
  );
}
