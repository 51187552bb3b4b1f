#include "deltaactions.h"

#include "mainwindow.h"

#include "commitcommand.h"
#include "createdeltacommand.h"
#include "database.h"
#include "deltaeditcommands.h"
#include "deltastore.h"
#include "groupstore.h"
#include "setstatecommand.h"
#include "taskstore.h"
#include "views/commitdialog.h"
#include "views/deltaeditor.h"
#include "views/deltalistview.h"
#include "views/relationdialog.h"
#include "workspace.h"

#include <QInputDialog>
#include <QStatusBar>
#include <QUndoStack>

#include <limits>

using namespace Qt::StringLiterals;

namespace Deltaboard {

DeltaActions::DeltaActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{}

qint64 DeltaActions::commitSelected()
{
    using View = MainWindow::View;
    const View view = m_window->currentView();
    const QList<qint64> ids = m_window->selectedDeltas();
    if (ids.isEmpty()) {
        if (view != View::Gap && view != View::Priorities && view != View::Impact
            && view != View::Crashes) {
            m_window->showView(View::Deltas);
        }
        m_window->statusBar()->showMessage(tr("Select one or more deltas to commit to."), 6000);
        return 0;
    }
    if (m_window->organisationId() <= 0) {
        m_window->showError(tr("There is no organisation to commit: create one first."));
        return 0;
    }
    DeltaStore deltas(m_window->database());
    TaskStore tasks(m_window->database());
    QStringList lines;
    QStringList others;
    QString suggested;
    for (const qint64 id : ids) {
        const auto delta = deltas.get(id);
        if (!delta) {
            m_window->showError(delta.error());
            return 0;
        }
        if (suggested.isEmpty())
            suggested = delta->kind == DeltaKind::Spec ? tr("Implement: %1").arg(delta->title)
                                                       : tr("Fix: %1").arg(delta->title);
        lines.append(u"#%1 %2"_s.arg(id).arg(delta->title.toHtmlEscaped()));
        const auto existing = tasks.tasksForDelta(id);
        if (!existing) {
            m_window->showError(existing.error());
            return 0;
        }
        for (const Task &task : *existing) {
            const QString line
                = tr("%1 (task #%2, %3)").arg(task.organisation).arg(task.id).arg(task.column);
            if (!others.contains(line))
                others.append(line);
        }
    }
    CommitDialog dialog(m_window->organisationName(), lines, others, suggested, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    QUndoStack *stack = m_window->undoStack();
    auto *command
        = new CommitCommand(m_window->workspace(), m_window->organisationId(), dialog.title(), ids);
    stack->push(command);
    // A failed commit is obsolete and already gone from the stack: read its id only on success.
    const qint64 taskId = stack->command(stack->index() - 1) == command ? command->taskId() : 0;
    if (taskId) {
        m_window->statusBar()->showMessage(tr("%1 committed: task #%2 is on its board.")
                                               .arg(m_window->organisationName())
                                               .arg(taskId),
                                           8000);
    }
    return taskId;
}

qint64 DeltaActions::newDelta(bool show)
{
    const auto components = GroupStore(m_window->database()).components();
    DeltaEditor dialog(components ? *components : QList<Component>{}, Delta{}, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    QUndoStack *stack = m_window->undoStack();
    auto *command = new CreateDeltaCommand(m_window->workspace(), dialog.delta());
    stack->push(command);
    // A failed one is obsolete and already deleted by the stack: only read it when it stayed.
    const qint64 id = stack->command(stack->index() - 1) == command ? command->deltaId() : 0;
    if (id && show) {
        m_window->showView(MainWindow::View::Deltas);
        m_window->clearSearch();
        m_window->deltaList()->selectDelta(id); // the command's deltasAdded has refreshed it
    }
    return id;
}

void DeltaActions::setSelectedState(DeltaState state)
{
    const QList<qint64> ids = m_window->deltaList()->selectedDeltas();
    if (ids.isEmpty()) {
        m_window->statusBar()->showMessage(tr("Select the deltas to change first."), 6000);
        return;
    }
    DeltaStore deltas(m_window->database());
    QList<SetStateCommand::Change> changes;
    for (const qint64 id : ids) {
        const auto delta = deltas.get(id);
        if (!delta)
            return m_window->showError(delta.error());
        if (delta->state != state)
            changes.append({id, {delta->state, delta->duplicateOf}, {state, std::nullopt}});
    }
    if (!changes.isEmpty()) // one step and one transaction for the whole selection
        m_window->undoStack()->push(new SetStateCommand(m_window->workspace(), changes));
}

void DeltaActions::markDuplicate()
{
    const QList<qint64> ids = m_window->deltaList()->selectedDeltas();
    if (ids.size() != 1) {
        m_window->statusBar()->showMessage(tr("Select the one delta that is a duplicate."), 6000);
        return;
    }
    const auto delta = DeltaStore(m_window->database()).get(ids.first());
    if (!delta)
        return m_window->showError(delta.error());
    // The original is found by title words or #id, and its title shown before anything is saved.
    RelationDialog dialog(m_window->database(), *delta, m_window);
    dialog.setWindowTitle(tr("Duplicate Of"));
    dialog.setType({RelationKind::DuplicateOf, false});
    if (dialog.exec() != QDialog::Accepted || !dialog.otherId())
        return;
    const auto step = relationStep(m_window->workspace(), delta->id, dialog.type(),
                                   dialog.otherId(), true, delta->title);
    if (!step)
        return m_window->showError(step.error());
    m_window->undoStack()->push(*step);
}

void DeltaActions::markSameAsDefect(qint64 crashDeltaId)
{
    DeltaStore deltas(m_window->database());
    const auto crash = deltas.get(crashDeltaId);
    if (!crash)
        return m_window->showError(crash.error());
    // "Same as": one fault recorded twice, both records kept (the crash keeps its reports).
    RelationDialog dialog(m_window->database(), *crash, m_window);
    dialog.setWindowTitle(tr("Same as Defect"));
    dialog.setType({RelationKind::SameAs, false});
    if (dialog.exec() != QDialog::Accepted || !dialog.otherId())
        return;
    const auto target = deltas.get(dialog.otherId());
    if (!target)
        return m_window->showError(target.error());
    if (target->kind != DeltaKind::Defect) {
        return m_window->showError(tr("Delta %1 is a %2, not a defect.")
                                       .arg(target->id)
                                       .arg(Levels::title(Levels::kindName(target->kind))));
    }
    const auto step = relationStep(m_window->workspace(), crashDeltaId, dialog.type(), target->id,
                                   true, crash->title);
    if (!step)
        return m_window->showError(step.error());
    m_window->undoStack()->push(*step);
    m_window->statusBar()->showMessage(
        tr("Crash delta %1 is now recorded as %2 defect %3 (Ctrl+Z undoes).")
            .arg(crashDeltaId)
            .arg(Levels::title(Levels::relationName(dialog.type())))
            .arg(target->id),
        8000);
}

} // namespace Deltaboard
