#pragma once

#include "labelstore.h"
#include "records.h"
#include "workspace.h"

#include <QUndoCommand>

namespace Deltaboard {

// The fields a delta editor changes: everything a person writes about the delta.
bool sameEditableFields(const Delta &a, const Delta &b);

// Changes a delta's fields as one undo step. Redo and undo each check that the stored fields are
// still the ones this step starts from, so a change made elsewhere in between is reported, never
// overwritten. Named by the delta's title.
class UpdateDeltaCommand : public QUndoCommand
{
public:
    UpdateDeltaCommand(Workspace *workspace, Delta before, Delta after);

    void redo() override { apply(m_before, m_after, true); }
    void undo() override { apply(m_after, m_before, false); }

private:
    void apply(const Delta &from, const Delta &to, bool forward);

    Workspace *m_workspace;
    Delta m_before;
    Delta m_after;
};

// Adds or removes one relation between two deltas (not "duplicate of": that is a state change,
// SetStateCommand). Undo does the opposite.
class RelationCommand : public QUndoCommand
{
public:
    RelationCommand(Workspace *workspace, qint64 deltaId, RelationType type, qint64 otherId,
                    bool add, const QString &deltaTitle);

    void redo() override { apply(m_add); }
    void undo() override { apply(!m_add); }

private:
    void apply(bool add);

    Workspace *m_workspace;
    qint64 m_deltaId;
    RelationType m_type;
    qint64 m_otherId;
    bool m_add;
};

// The step that adds or removes "deltaId <type> otherId": a RelationCommand, or for "duplicate
// of" (either way round) a SetStateCommand on the duplicate that undoes to the state it had
// (removing a duplicate puts it back to 'new'). An error when the duplicate cannot be read.
Result<QUndoCommand *> relationStep(Workspace *workspace, qint64 deltaId, RelationType type,
                                    qint64 otherId, bool add, const QString &deltaTitle);

// Puts labels on and takes labels off one delta or task as one step. Labels it had to make are
// removed again by undo (and made again, with the same ids, by redo), so undo leaves the
// database as it was.
class LabelCommand : public QUndoCommand
{
public:
    LabelCommand(Workspace *workspace, LabelStore::Target target, qint64 id, qint64 organisationId,
                 QStringList attach, QStringList detach, const QString &title);

    void redo() override;
    void undo() override;

private:
    void notify();

    Workspace *m_workspace;
    LabelStore::Target m_target;
    qint64 m_id;
    qint64 m_organisationId; // a task's, to refresh its board
    QStringList m_attach;
    QStringList m_detach;
    // Filled on the first redo: what really changed, and the labels made for it.
    QStringList m_attached;
    QStringList m_detached;
    QList<Label> m_made;
    bool m_done = false;
};

} // namespace Deltaboard
