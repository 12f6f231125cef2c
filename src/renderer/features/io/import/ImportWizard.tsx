import { Stepper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FileStep } from './FileStep';
import { ImportResult } from './ImportResult';
import { MappingStep } from './MappingStep';
import { OptionsStep } from './OptionsStep';
import { PreviewStep } from './PreviewStep';
import { useImportWizard, type ImportStep } from './useImportWizard';

const STEPS: ImportStep[] = ['file', 'mapping', 'options', 'preview', 'done'];

/** Import a CSV or Excel file: read → map → options → dry run → commit, with undo afterwards. */
export function ImportWizard() {
  const { t } = useTranslation();
  const wizard = useImportWizard();
  const active = STEPS.indexOf(wizard.step);
  const busy = wizard.previewJob.busy || wizard.commitJob.busy;
  // Going back is always allowed (nothing is written before the commit); forward only by the buttons.
  const jump = (i: number) => {
    const step = STEPS[i];
    if (step && i < active && wizard.step !== 'done' && !busy) wizard.goTo(step);
  };
  return (
    <Stepper active={active} onStepClick={jump} size="sm" data-testid="import-wizard">
      <Stepper.Step label={t('io.wizard.step.file')}>
        <FileStep wizard={wizard} />
      </Stepper.Step>
      <Stepper.Step label={t('io.wizard.step.mapping')}>
        <MappingStep wizard={wizard} />
      </Stepper.Step>
      <Stepper.Step label={t('io.wizard.step.options')}>
        <OptionsStep wizard={wizard} />
      </Stepper.Step>
      <Stepper.Step label={t('io.wizard.step.preview')}>
        <PreviewStep wizard={wizard} />
      </Stepper.Step>
      <Stepper.Completed>
        <ImportResult wizard={wizard} />
      </Stepper.Completed>
    </Stepper>
  );
}
