import type {
  Issue,
  IssueAction,
  IssueCategory,
  IssueLevel,
  IssueSource,
  IssueStatus,
  IssueStep,
} from '../../../common/schemas/issues';
import type { StoredFile } from '../files/service';
import type { IssueView, StepView } from './views';

/** The files entity that holds the photos of a step (those of the report are the issue's photos). */
export const STEP_FILES = 'issueStep';

const ref = (id: string | null, name: string | null | undefined) =>
  id ? { id, name: name ?? '' } : null;

export const photoRef = (f: StoredFile) => ({ id: f.id, url: f.url, thumbUrl: f.thumbUrl });

export const isOverdue = (stepDeadline: string | null, now: string): boolean =>
  stepDeadline !== null && stepDeadline < now;

export function presentIssue(v: IssueView, now: string): Issue {
  return {
    id: v.id,
    source: v.source as IssueSource,
    sourceId: v.source_id,
    category: v.category as IssueCategory,
    status: v.status as IssueStatus,
    streetId: v.street_id,
    communityId: v.community_id,
    communityName: v.community_name ?? '',
    gridId: v.grid_id,
    gridName: v.grid_name ?? '',
    placeId: v.place_id,
    placeName: v.place_name,
    location: v.location_text === null ? null : { text: v.location_text, lat: v.lat, lng: v.lng },
    description: v.description,
    reporter: { id: v.reporter_id, name: v.reporter_name ?? '' },
    department: ref(v.department_id, v.department_name),
    assignee: ref(v.assignee_id, v.assignee_name),
    escalationLevel: v.escalation_level as IssueLevel,
    stepDeadline: v.step_deadline,
    overdue: isOverdue(v.step_deadline, now),
    rating: v.rating,
    mergedInto: v.merged_into,
    version: v.version,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
  };
}

export function presentStep(s: StepView, photos: StoredFile[]): IssueStep {
  return {
    id: s.id,
    at: s.at,
    actor: ref(s.actor_id, s.actor_name),
    action: s.action as IssueAction,
    fromStatus: s.from_status as IssueStatus | null,
    toStatus: s.to_status as IssueStatus,
    note: s.note,
    department: ref(s.department_id, s.department_name),
    assignee: ref(s.assignee_id, s.assignee_name),
    level: s.level as IssueLevel | null,
    relatedIssueId: s.related_issue_id,
    rating: s.rating,
    photos: photos.map(photoRef),
  };
}
