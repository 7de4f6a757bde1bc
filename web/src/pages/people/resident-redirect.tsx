import { Navigate, useParams } from 'react-router';
import { Card, Skeleton } from 'antd';
import { ListState } from '../../components/list-state';
import { useResident } from './people-api';

/** /residents/:id: a resident is shown on their household's page. */
export function ResidentRedirect() {
  const { id = '' } = useParams();
  const resident = useResident(id);
  if (resident.data) return <Navigate to={`/households/${resident.data.householdId}`} replace />;
  return (
    <Card>
      <ListState
        loading={resident.isPending}
        error={resident.error}
        onRetry={() => void resident.refetch()}
        empty={false}
        emptyText=""
      >
        <Skeleton />
      </ListState>
    </Card>
  );
}
