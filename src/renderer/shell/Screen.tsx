import { RelationsPage } from '../features/relations/list/RelationsPage';
import { RelationCardPage } from '../features/relations/card/RelationCardPage';
import { TrashPage } from '../features/trash/TrashPage';
import { HistoryPage } from '../features/audit/HistoryPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { SelectionsPage } from '../features/selections/SelectionsPage';
import { UnitsPage } from '../features/memberships/UnitsPage';
import { IoPage } from '../features/io/IoPage';
import { DuplicatesPage } from '../features/dedupe/DuplicatesPage';
import { TodayPage } from '../features/tasks/TodayPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { LogPage } from '../features/contact-log/LogPage';
import { ContributionsPage } from '../features/contributions/ContributionsPage';
import { BankPage } from '../features/bank/BankPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { FigureListPage } from '../features/lists/FigureListPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { useNavigation } from './navigation';

export function Screen() {
  const { route } = useNavigation();
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'list':
      return <FigureListPage key={JSON.stringify(route)} title={route.title} condition={route.condition} moment={route.moment} />;
    case 'reports':
      return <ReportsPage key={route.report ?? ''} report={route.report} />;
    case 'relations':
      return <RelationsPage />;
    case 'relation':
      return <RelationCardPage key={route.id} id={route.id} tab={route.tab} />;
    case 'trash':
      return <TrashPage />;
    case 'history':
      return <HistoryPage />;
    case 'settings':
      return <SettingsPage />;
    case 'groups':
      return <GroupsPage id={route.id} />;
    case 'selections':
      return <SelectionsPage id={route.id} />;
    case 'units':
      return <UnitsPage id={route.id} />;
    case 'duplicates':
      return <DuplicatesPage />;
    case 'io':
      return <IoPage tab={route.tab} />;
    case 'today':
      return <TodayPage />;
    case 'requests':
      return <RequestsPage />;
    case 'log':
      return <LogPage />;
    case 'contributions':
      return <ContributionsPage tab={route.tab} />;
    case 'bank':
      return <BankPage />;
  }
}
