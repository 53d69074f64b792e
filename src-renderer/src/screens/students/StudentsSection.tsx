/**
 * The students section; `params` are the route segments after `#/students`:
 *   []                      the list             ['new']                  add a student
 *   [id]                    a student's record   [id, 'edit']             edit the record
 *   [id, 'plans', 'new']    start a plan         [id, 'plans', planId]    a plan, its goals and supports
 *   [id, 'week']            a week of sessions   [id, 'observe']          observation mode
 *   [id, 'plans', planId, 'marks']    the plan's progress marks for a reporting period
 * The list's search, filters and page live here, so they are as the person left them on coming back
 * from a record; so does the notice with "Undo" that an archive leaves on the list. Each page's
 * heading takes focus as it appears (PageHeading), as a new section's does.
 */
import { useState } from 'react';
import { lazyScreen } from '../../app/lazy-screen';
import { INITIAL_LIST_STATE, type ListNotice, type ListState } from './list-state';
import { StudentDetail } from './StudentDetail';
import { StudentFormPage } from './StudentFormPage';
import { StudentList } from './StudentList';

const NewPlanPage = lazyScreen(() => import('../plans/NewPlanPage'), 'NewPlanPage');
const ObservationPage = lazyScreen(() => import('../observation/ObservationPage'), 'ObservationPage');
const PlanPage = lazyScreen(() => import('../plans/PlanPage'), 'PlanPage');
const ProgressMarksPage = lazyScreen(() => import('../periods/ProgressMarksPage'), 'ProgressMarksPage');
const WeekPage = lazyScreen(() => import('../progress/WeekPage'), 'WeekPage');

export function StudentsSection({ params }: { params: string[] }) {
  const [listState, setListState] = useState<ListState>(INITIAL_LIST_STATE);
  const [notice, setNotice] = useState<ListNotice | null>(null);
  const [first, second, third, fourth] = params;

  if (first === undefined) {
    return <StudentList state={listState} onStateChange={setListState} notice={notice} onNoticeChange={setNotice} />;
  }
  if (first === 'new') return <StudentFormPage />;
  if (second === 'edit') return <StudentFormPage studentId={first} />;
  if (second === 'week') return <WeekPage key={first} studentId={first} />;
  if (second === 'observe') return <ObservationPage key={first} studentId={first} />;
  if (second === 'plans' && third === 'new') return <NewPlanPage studentId={first} />;
  if (second === 'plans' && third && fourth === 'marks') return <ProgressMarksPage key={third} studentId={first} planId={third} />;
  if (second === 'plans' && third) return <PlanPage key={third} studentId={first} planId={third} />;
  return <StudentDetail key={first} studentId={first} onLeaveForList={setNotice} />;
}
