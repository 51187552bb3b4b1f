#include "setstatecommand.h"

#include "deltastore.h"

namespace Deltaboard {

SetStateCommand::SetStateCommand(Workspace *workspace, QList<Change> changes)
    : m_workspace(workspace)
    , m_changes(std::move(changes))
{
    if (m_changes.size() != 1) {
        const QString state
            = m_changes.isEmpty() ? QString() : Levels::stateName(m_changes.first().after.state);
        setText(QObject::tr("Mark %1 deltas %2").arg(m_changes.size()).arg(state));
    } else if (const Change &change = m_changes.first(); change.after.duplicateOf) {
        setText(QObject::tr("Mark delta %1 a duplicate of %2")
                    .arg(change.deltaId)
                    .arg(*change.after.duplicateOf));
    } else {
        setText(QObject::tr("Mark delta %1 %2")
                    .arg(change.deltaId)
                    .arg(Levels::stateName(change.after.state)));
    }
}

void SetStateCommand::apply(bool forward)
{
    Database &db = m_workspace->database();
    DeltaStore store(db);
    Status status;
    {
        Transaction transaction(db);
        for (const Change &change : std::as_const(m_changes)) {
            // Someone may have changed the state since: their change is not overwritten.
            const State &from = forward ? change.before : change.after;
            const auto current = store.get(change.deltaId);
            if (!current) {
                status = Error{current.error()};
                break;
            }
            if (current->state != from.state || current->duplicateOf != from.duplicateOf) {
                status = Error{QObject::tr("Delta %1 was changed elsewhere; this step was not %2.")
                                   .arg(change.deltaId)
                                   .arg(forward ? QObject::tr("redone") : QObject::tr("undone"))};
                break;
            }
            const State &state = forward ? change.after : change.before;
            status = store.setState(change.deltaId, state.state, state.duplicateOf);
            if (!status)
                break;
        }
        if (status)
            status = transaction.commit();
    }
    if (!m_workspace->succeeded(this, status))
        return;
    // The originals read their "duplicated by" again too.
    for (const Change &change : std::as_const(m_changes)) {
        m_workspace->notifyDeltaChanged(change.deltaId);
        for (const auto &original : {change.before.duplicateOf, change.after.duplicateOf}) {
            if (original)
                m_workspace->notifyDeltaChanged(*original);
        }
    }
}

} // namespace Deltaboard
