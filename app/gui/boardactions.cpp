#include "boardactions.h"

#include "archiveddialog.h"
#include "mainwindow.h"

#include "boardmodel.h"
#include "boardstore.h"
#include "deltastore.h"
#include "settingscommands.h"
#include "updatetaskcommand.h"
#include "views/boardview.h"
#include "views/newcarddialog.h"
#include "workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Deltaboard {

BoardActions::BoardActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    BoardModel *board = window->boardModel();
    connect(board, &BoardModel::laneChangeRequested, this, &BoardActions::assignByLane);
    connect(board, &BoardModel::laneChangeRefused, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 8000); });
}

NewCardDialog *BoardActions::newCard(qint64 columnId)
{
    BoardColumnModel *column = m_window->boardModel()->columnModel(columnId);
    if (!column || m_window->organisationId() <= 0)
        return nullptr;
    // Deltas by #id, or by the words of their title and text.
    Database &db = m_window->database();
    auto search = [&db](const QString &text) {
        QList<NewCardDialog::Match> matches;
        QString number = text;
        if (number.startsWith(u'#'))
            number.remove(0, 1);
        bool isId = false;
        const qint64 id = number.toLongLong(&isId);
        if (isId) {
            if (const auto delta = DeltaStore(db).get(id))
                matches.append({delta->id, delta->title});
            return matches;
        }
        DeltaFilter filter;
        filter.search = text;
        filter.limit = 50;
        if (const auto rows = DeltaStore(db).list(filter)) {
            for (const DeltaRow &row : *rows)
                matches.append({row.id, row.title});
        }
        return matches;
    };
    auto *dialog = new NewCardDialog(column->column().name, search, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 organisation = m_window->organisationId();
    connect(dialog, &QDialog::accepted, this, [this, dialog, organisation, columnId] {
        NewTask task;
        task.organisationId = organisation;
        task.title = dialog->title();
        task.assignee = dialog->assignee();
        task.deltaIds = dialog->deltaIds();
        task.columnId = columnId;
        m_window->undoStack()->push(Settings::addTask(m_window->workspace(), task));
    });
    // A card for a report not recorded yet: record it from here, and it is ticked.
    connect(dialog, &NewCardDialog::recordDeltaRequested, this, [this, dialog] {
        const qint64 id = m_window->newDelta(false);
        if (id <= 0)
            return; // cancelled, or refused (and said so)
        if (const auto delta = DeltaStore(m_window->database()).get(id))
            dialog->addDelta({delta->id, delta->title});
    });
    dialog->open();
    return dialog;
}

void BoardActions::buildMenu(QMenu *board)
{
    QAction *card = board->addAction(tr("&New Card…"), this, [this] {
        m_window->showView(MainWindow::View::Board);
        BoardModel *model = m_window->boardModel();
        const auto position = model->positionOf(m_window->boardView()->selectedTask());
        const QList<BoardColumnModel *> columns = model->columns();
        if (position)
            newCard(position->columnId);
        else if (!columns.isEmpty())
            newCard(columns.first()->column().id);
    });
    card->setToolTip(tr("N on the board; or + in a column's header"));
    QMenu *lanes = board->addMenu(tr("S&wimlanes"));
    auto *laneGroup = new QActionGroup(this);
    const std::pair<Swimlanes, QString> modes[] = {
        {Swimlanes::None, tr("&None")},
        {Swimlanes::Assignee, tr("By &Assignee")},
        {Swimlanes::Priority, tr("By &Priority")},
        {Swimlanes::Group, tr("By User &Group Hurt Most")},
        {Swimlanes::Component, tr("By &Component")},
    };
    for (const auto &[mode, text] : modes) {
        QAction *action = lanes->addAction(text, this, [this, mode] { setSwimlanes(mode); });
        action->setCheckable(true);
        action->setChecked(mode == Swimlanes::None);
        laneGroup->addAction(action);
        m_laneActions.append(action);
    }
    board->addSeparator();
    board->addAction(tr("&Archive Done Cards"), this, &BoardActions::archiveDoneCards);
    board->addAction(tr("Archive &Selected Card"), this, &BoardActions::archiveSelectedCard);
    board->addAction(tr("De&lete Card (Del on the board)"), this,
                     &BoardActions::deleteSelectedCard);
    // Delete works on the board only: a shortcut on the menu's action would take the key from
    // every other window of the app (the import wizard removes files with it).
    auto *remove = new QAction(tr("Delete card"), m_window->boardView());
    remove->setObjectName(u"deleteCardAction"_s);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QAction::triggered, this, &BoardActions::deleteSelectedCard);
    m_window->boardView()->addAction(remove);
    board->addAction(tr("Archi&ved Cards…"), this, [this] { openArchivedCards(); });
    board->addSeparator();
    board->addAction(m_window->findChild<QAction *>(u"workspaceSettingsAction"_s));
}

void BoardActions::setSwimlanes(Swimlanes mode)
{
    if (const Status set = m_window->boardModel()->setSwimlanes(mode); !set)
        m_window->showError(set.error());
    m_laneActions.at(int(mode))->setChecked(true);
    QSettings().setValue(u"board/swimlanes"_s, int(mode));
}

void BoardActions::archiveDoneCards()
{
    const qint64 organisation = m_window->organisationId();
    if (organisation <= 0)
        return;
    const auto done = BoardStore(m_window->database()).doneOnBoard(organisation);
    if (!done) {
        m_window->showError(done.error());
        return;
    }
    if (done->isEmpty()) {
        m_window->statusBar()->showMessage(tr("No done card on this board"), 6000);
        return;
    }
    m_window->undoStack()->push(Settings::archiveCards(m_window->workspace(), organisation, *done));
    m_window->statusBar()->showMessage(
        tr("Archived %n done card(s); Board › Archived Cards brings one back", nullptr,
           int(done->size())),
        8000);
}

void BoardActions::archiveSelectedCard()
{
    const qint64 taskId = m_window->boardView()->selectedTask();
    const auto position = m_window->boardModel()->positionOf(taskId);
    BoardColumnModel *column
        = position ? m_window->boardModel()->columnModel(position->columnId) : nullptr;
    if (!column || !column->column().isDone) {
        m_window->statusBar()->showMessage(
            tr("Only a done card can be archived: select one in a done "
               "column"),
            6000);
        return;
    }
    m_window->undoStack()->push(
        Settings::archiveCards(m_window->workspace(), m_window->organisationId(), {taskId}));
}

void BoardActions::deleteSelectedCard()
{
    const qint64 taskId = m_window->boardView()->selectedTask();
    if (taskId <= 0) {
        m_window->statusBar()->showMessage(tr("Select a card on the board to delete it"), 6000);
        return;
    }
    const auto task = TaskStore(m_window->database()).get(taskId);
    if (!task) {
        m_window->showError(task.error());
        return;
    }
    m_window->undoStack()->push(Settings::removeTask(m_window->workspace(), *task));
    m_window->statusBar()->showMessage(
        tr("Deleted card %1; Ctrl+Z brings it back").arg(task->title), 8000);
}

ArchivedCardsDialog *BoardActions::openArchivedCards()
{
    if (m_window->organisationId() <= 0)
        return nullptr;
    auto *dialog = new ArchivedCardsDialog(m_window->workspace(), m_window->organisationId(),
                                           m_window->organisationName(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void BoardActions::assignByLane(qint64 taskId, const QString &assignee, const CardPosition &to)
{
    const auto before = TaskStore(m_window->database()).get(taskId);
    if (!before) {
        m_window->showError(before.error());
        return;
    }
    Task after = *before;
    after.assignee = assignee;
    QUndoStack *stack = m_window->undoStack();
    stack->beginMacro(assignee.isEmpty() ? tr("Unassign %1").arg(before->title)
                                         : tr("Assign %1 to %2").arg(before->title, assignee));
    stack->push(new UpdateTaskCommand(m_window->workspace(), *before, after));
    m_window->boardModel()->requestMove(taskId, to);
    stack->endMacro();
}

} // namespace Deltaboard
