/**
 * Deleting a goal or a peer support: the dialog first asks the services what would go with it, says
 * so in numbers ("This goal has 13 progress points. They will be removed with it."), and sends that
 * number with the delete, so nothing goes that the person was not told about. An active plan refuses
 * in plain words (amend it). After the delete, the plan page offers Undo (RemovalNotice).
 */
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Plan, Removal, RemovalPreview } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { navigate } from '../../app/hash-route';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { useRefreshPlans } from './plan-cache';

export interface RemovalDialogProps {
  entity: Removal['entity'];
  /** The plan it belongs to: an active one offers "Amend the plan" instead of deleting. */
  plan: Plan;
  id: string;
  /** "Goal 2: Math", "Peer tutor in Math 7". */
  name: string;
  isOpen: boolean;
  /** A goal with goals after it: they move up one number, and the dialog says so. */
  renumbers?: boolean;
  onClose: () => void;
  onRemoved: (removal: Removal) => void;
}

export function RemovalDialog(props: RemovalDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={props.isOpen} isDismissable onOpenChange={(open) => open || props.onClose()}>
      <Modal className="modal">{props.isOpen ? <RemovalDialogBody {...props} /> : null}</Modal>
    </ModalOverlay>
  );
}

function RemovalDialogBody({ entity, plan, id, name, renumbers = false, onClose, onRemoved }: RemovalDialogProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const preview = useApiQuery(
    entity === 'goal' ? 'goals.deletePreview' : 'accommodations.deletePreview',
    { id },
    { gcTime: 0, staleTime: 0 },
  );
  const remove = useApiMutation(entity === 'goal' ? 'goals.delete' : 'accommodations.delete', { onSuccess: onRemoved });
  const refresh = useRefreshPlans();
  const amend = useApiMutation('plans.amend', {
    onSuccess: async (draft) => {
      await refresh();
      navigate('students', plan.studentId, 'plans', draft.plan.id);
    },
  });
  const facts = preview.data;
  const refused = facts?.refusal ?? null;
  return (
    <Dialog role="alertdialog" className="dialog stack">
      <Heading slot="title" className="dialog-title">
        {refused
          ? t('removals.refusedTitle', { name })
          : t(entity === 'goal' ? 'goals.deleteTitle' : 'accommodations.deleteTitle', { name })}
      </Heading>
      {preview.isPending ? <p role="status">{t('removals.checking')}</p> : null}
      <FormAlert id={`removal-${id}-alert`}>
        {preview.isError ? describe(preview.error) : remove.isError ? describe(remove.error) : amend.isError ? describe(amend.error) : null}
      </FormAlert>
      {refused ? <p>{refused}</p> : facts ? <WhatGoes entity={entity} facts={facts} renumbers={renumbers} /> : null}
      <div className="actions">
        <Button className="button button--secondary" onPress={onClose} autoFocus>
          {refused ? t('removals.close') : t('app.cancel')}
        </Button>
        {refused && plan.status === 'active' ? (
          <Button className="button button--primary" onPress={() => amend.isPending || amend.mutate({ id: plan.id })}>
            {t('removals.amend')}
          </Button>
        ) : null}
        {facts && !refused ? (
          <Button
            className="button button--danger"
            onPress={() => remove.isPending || remove.mutate({ id, confirmedDataRecords: facts.dataRecords })}
          >
            {t(entity === 'goal' ? 'removals.goal.confirm' : 'removals.accommodation.confirm', { count: facts.dataRecords })}
          </Button>
        ) : null}
        <span role="status" className="busy-text">
          {remove.isPending || amend.isPending ? t('app.working') : null}
        </span>
      </div>
    </Dialog>
  );
}

function WhatGoes({ entity, facts, renumbers }: { entity: Removal['entity']; facts: RemovalPreview; renumbers: boolean }) {
  const { t } = useTranslation();
  const { counts } = facts;
  const lines: string[] = [];
  if (entity === 'goal') {
    if (counts.progressPoints > 0) lines.push(t('removals.goal.points', { count: counts.progressPoints }));
    if (counts.progressMarks > 0) lines.push(t('removals.goal.marks', { count: counts.progressMarks }));
    if (facts.dataRecords === 0) lines.push(t('removals.goal.nothing'));
    if (counts.keptInEarlierVersions > 0) lines.push(t('removals.goal.earlier', { count: counts.keptInEarlierVersions }));
    if (counts.sessions > 0) lines.push(t('removals.goal.sessions', { count: counts.sessions }));
    if (renumbers) lines.push(t('removals.goal.renumber'));
  } else {
    lines.push(
      facts.dataRecords > 0
        ? t('removals.accommodation.data', { sessions: counts.sessions, checkIns: counts.checkIns, assignments: counts.assignments })
        : t('removals.accommodation.nothing'),
    );
  }
  lines.push(t('removals.undoHint'));
  return (
    <div className="stack">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
