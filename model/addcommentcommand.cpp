#include "addcommentcommand.h"

#include "commentstore.h"

namespace Deltaboard {

AddCommentCommand::AddCommentCommand(Workspace *workspace, qint64 organisationId, Comment comment)
    : m_workspace(workspace)
    , m_organisationId(organisationId)
    , m_comment(std::move(comment))
{
    setText(QObject::tr("Add comment"));
}

void AddCommentCommand::notify()
{
    if (m_comment.deltaId)
        m_workspace->notifyDeltaChanged(*m_comment.deltaId);
    else
        m_workspace->notifyTasksChanged(m_organisationId);
}

void AddCommentCommand::redo()
{
    const auto id = CommentStore(m_workspace->database()).add(m_comment);
    if (!id) {
        setObsolete(true);
        m_workspace->reportError(id.error());
        return;
    }
    m_id = *id;
    notify();
}

void AddCommentCommand::undo()
{
    if (const Status removed = CommentStore(m_workspace->database()).remove(m_id); !removed) {
        setObsolete(true);
        m_workspace->reportError(removed.error());
        return;
    }
    notify();
}

} // namespace Deltaboard
