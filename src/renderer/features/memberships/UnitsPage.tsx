import { UnitDetailPage } from './UnitDetailPage';
import { UnitsOverview } from './UnitsOverview';

/** Route `{ page: 'units', id? }`: the overview, or one unit's detail. */
export function UnitsPage({ id }: { id?: string | undefined }) {
  return id ? <UnitDetailPage key={id} id={id} /> : <UnitsOverview />;
}
