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
    if (!m_workspace->succeeded(this, id))
        return;
    m_id = *id;
    notify();
}

void AddCommentCommand::undo()
{
    if (!m_workspace->succeeded(this, CommentStore(m_workspace->database()).remove(m_id)))
        return;
    notify();
}

} // namespace Deltaboard
