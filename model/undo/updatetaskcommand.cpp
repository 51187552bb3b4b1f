#include "updatetaskcommand.h"

#include "taskstore.h"

namespace Deltaboard {

UpdateTaskCommand::UpdateTaskCommand(Workspace *workspace, Task before, Task after)
    : m_workspace(workspace)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    // Named by what a reader knows the card by, not its number.
    const QString title = m_before.title.simplified();
    setText(QObject::tr("Edit card “%1”")
                .arg(title.size() > 40 ? title.left(39) + QChar(0x2026) : title));
}

void UpdateTaskCommand::apply(const Task &from, const Task &to)
{
    TaskStore store(m_workspace->database());
    const auto current = store.get(to.id);
    Status updated = current ? Status() : Status(Error{current.error()});
    if (updated
        && (current->title != from.title || current->description != from.description
            || current->assignee != from.assignee)) {
        // Someone else edited the task since this step was made: do not overwrite their work.
        updated = Error{QObject::tr("Task %1 was changed elsewhere; this edit was not %2.")
                            .arg(to.id)
                            .arg(&to == &m_after ? QObject::tr("redone") : QObject::tr("undone"))};
    }
    if (updated) {
        Task next = to;
        next.rowVersion = current->rowVersion;
        updated = store.update(next);
    }
    if (!m_workspace->succeeded(this, updated))
        return;
    m_workspace->notifyTasksChanged(to.organisationId);
}

void UpdateTaskCommand::redo()
{
    apply(m_before, m_after);
}

void UpdateTaskCommand::undo()
{
    apply(m_after, m_before);
}

} // namespace Deltaboard
