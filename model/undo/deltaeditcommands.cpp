#include "deltaeditcommands.h"

#include "deltastore.h"
#include "relationstore.h"
#include "setstatecommand.h"

namespace Deltaboard {

namespace {

QString shortTitle(const QString &title)
{
    const QString simple = title.simplified();
    return simple.size() > 40 ? simple.left(39) + QChar(0x2026) : simple;
}

} // namespace

bool sameEditableFields(const Delta &a, const Delta &b)
{
    return a.kind == b.kind && a.title.trimmed() == b.title.trimmed() && a.desired == b.desired
           && a.actual == b.actual && a.details == b.details && a.componentId == b.componentId
           && a.foundIn == b.foundIn && a.fixedIn == b.fixedIn && a.severity == b.severity
           && a.reporter == b.reporter;
}

UpdateDeltaCommand::UpdateDeltaCommand(Workspace *workspace, Delta before, Delta after)
    : m_workspace(workspace)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(QObject::tr("Edit “%1”").arg(shortTitle(m_after.title)));
}

void UpdateDeltaCommand::apply(const Delta &from, const Delta &to, bool forward)
{
    DeltaStore store(m_workspace->database());
    const auto current = store.get(to.id);
    Status updated = current ? Status() : Status(Error{current.error()});
    if (updated && !sameEditableFields(*current, from)) {
        updated = Error{QObject::tr("Delta %1 was changed elsewhere; this edit was not %2.")
                            .arg(to.id)
                            .arg(forward ? QObject::tr("redone") : QObject::tr("undone"))};
    }
    if (updated) {
        Delta next = *current; // state, duplicate and source stay as they are now
        next.kind = to.kind;
        next.title = to.title;
        next.desired = to.desired;
        next.actual = to.actual;
        next.details = to.details;
        next.componentId = to.componentId;
        next.foundIn = to.foundIn;
        next.fixedIn = to.fixedIn;
        next.severity = to.severity;
        next.reporter = to.reporter;
        updated = store.update(next);
    }
    if (!m_workspace->succeeded(this, updated))
        return;
    m_workspace->notifyDeltaChanged(to.id);
}

RelationCommand::RelationCommand(Workspace *workspace, qint64 deltaId, RelationType type,
                                 qint64 otherId, bool add, const QString &deltaTitle)
    : m_workspace(workspace)
    , m_deltaId(deltaId)
    , m_type(type)
    , m_otherId(otherId)
    , m_add(add)
{
    setText((add ? QObject::tr("Relate “%1”: %2 #%3") : QObject::tr("Unrelate “%1”: %2 #%3"))
                .arg(shortTitle(deltaTitle), Levels::relationName(type))
                .arg(otherId));
}

void RelationCommand::apply(bool add)
{
    RelationStore store(m_workspace->database());
    const Status done = add ? store.add(m_deltaId, m_type, m_otherId)
                            : store.remove(m_deltaId, m_type, m_otherId);
    if (!m_workspace->succeeded(this, done))
        return;
    m_workspace->notifyDeltaChanged(m_deltaId);
    m_workspace->notifyDeltaChanged(m_otherId);
}

Result<QUndoCommand *> relationStep(Workspace *workspace, qint64 deltaId, RelationType type,
                                    qint64 otherId, bool add, const QString &deltaTitle)
{
    if (type.kind != RelationKind::DuplicateOf)
        return new RelationCommand(workspace, deltaId, type, otherId, add, deltaTitle);
    const qint64 duplicate = type.reverse ? otherId : deltaId;
    const qint64 original = type.reverse ? deltaId : otherId;
    const auto current = DeltaStore(workspace->database()).get(duplicate);
    if (!current)
        return Error{current.error()};
    // As RelationStore checks: a stale link neither resets nor replaces another duplicate.
    if (add && current->duplicateOf) {
        return Error{QObject::tr("#%1 is already a duplicate of #%2; remove that first.")
                         .arg(duplicate)
                         .arg(*current->duplicateOf)};
    }
    if (!add && current->duplicateOf != original) {
        return Error{
            QObject::tr("#%1 is no longer a duplicate of #%2.").arg(duplicate).arg(original)};
    }
    const SetStateCommand::State after
        = add ? SetStateCommand::State{DeltaState::Duplicate, original}
              : SetStateCommand::State{DeltaState::New, std::nullopt};
    return new SetStateCommand(workspace,
                               {{duplicate, {current->state, current->duplicateOf}, after}});
}

LabelCommand::LabelCommand(Workspace *workspace, LabelStore::Target target, qint64 id,
                           qint64 organisationId, QStringList attach, QStringList detach,
                           const QString &title)
    : m_workspace(workspace)
    , m_target(target)
    , m_id(id)
    , m_organisationId(organisationId)
    , m_attach(std::move(attach))
    , m_detach(std::move(detach))
{
    QStringList parts;
    if (!m_attach.isEmpty())
        parts.append(QObject::tr("label %1").arg(m_attach.join(QLatin1StringView(", "))));
    if (!m_detach.isEmpty())
        parts.append(QObject::tr("unlabel %1").arg(m_detach.join(QLatin1StringView(", "))));
    setText(QObject::tr("%1 “%2”").arg(parts.join(QLatin1StringView("; ")), shortTitle(title)));
}

void LabelCommand::notify()
{
    if (!m_made.isEmpty())
        m_workspace->notifyLabelsChanged();
    if (m_target == LabelStore::Target::Delta)
        m_workspace->notifyDeltaChanged(m_id);
    else
        m_workspace->notifyTasksChanged(m_organisationId);
}

void LabelCommand::redo()
{
    Database &db = m_workspace->database();
    LabelStore labels(db);
    Status status;
    {
        Transaction transaction(db);
        if (!m_done) {
            // The labels this step makes: the names nobody uses yet.
            for (const QString &name : std::as_const(m_attach)) {
                if (!labels.find(name)) {
                    const auto made = labels.add(name);
                    if (!made) {
                        status = Error{made.error()};
                        break;
                    }
                    m_made.append(
                        {*made, name.simplified(), LabelStore::defaultColour(name.simplified())});
                }
            }
        } else {
            // Made again with their ids, unless undo kept them (others used them meanwhile).
            for (const Label &label : std::as_const(m_made)) {
                if (labels.find(label.name))
                    continue;
                if (const auto made = labels.add(label.name, label.colour, label.id); !made) {
                    status = Error{made.error()};
                    break;
                }
            }
        }
        const QStringList attach = m_done ? m_attached : m_attach;
        const QStringList detach = m_done ? m_detached : m_detach;
        if (status) {
            const auto attached = labels.attach(m_target, m_id, attach);
            const auto detached = attached ? labels.detach(m_target, m_id, detach)
                                           : Result<QStringList>(Error{attached.error()});
            status = detached ? Status() : Status(Error{detached.error()});
            if (status && !m_done) {
                m_attached = *attached;
                m_detached = *detached;
            }
        }
        if (status)
            status = transaction.commit();
    }
    if (!m_workspace->succeeded(this, status))
        return;
    m_done = true;
    notify();
}

void LabelCommand::undo()
{
    Database &db = m_workspace->database();
    LabelStore labels(db);
    Status status;
    {
        Transaction transaction(db);
        const auto detached = labels.detach(m_target, m_id, m_attached);
        const auto attached = detached ? labels.attach(m_target, m_id, m_detached)
                                       : Result<QStringList>(Error{detached.error()});
        status = attached ? Status() : Status(Error{attached.error()});
        // A label this step made goes again, unless someone has put it on something since:
        // undoing this step must not take it off their records.
        for (const Label &label : std::as_const(m_made)) {
            if (!status)
                break;
            const auto used = labels.uses(label.id);
            if (!used) {
                status = Error{used.error()};
                break;
            }
            if (*used > 0)
                continue;
            const auto removed = labels.remove(label.id);
            status = removed ? Status() : Status(Error{removed.error()});
        }
        if (status)
            status = transaction.commit();
    }
    if (!m_workspace->succeeded(this, status))
        return;
    notify();
}

} // namespace Deltaboard
