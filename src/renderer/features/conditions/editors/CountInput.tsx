import { NumberInput } from '@mantine/core';
import { numberOrUndefined } from './editor-props';

/** A whole number in an atom (an age, a number of days); empty is undefined ("no bound"). */
export function CountInput(props: { value: number | undefined; onChange: (next: number | undefined) => void; label: string; placeholder?: string; min?: number; max?: number; testId: string }) {
  return (
    <NumberInput
      size="sm"
      w={90}
      min={props.min ?? 0}
      max={props.max}
      allowDecimal={false}
      value={props.value ?? ''}
      onChange={(v) => props.onChange(numberOrUndefined(v))}
      aria-label={props.label}
      placeholder={props.placeholder}
      data-testid={props.testId}
    />
  );
}
