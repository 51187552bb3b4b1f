#pragma once

#include "boardmodel.h"
#include "taskstore.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;

namespace Deltaboard {

class ArchivedCardsDialog;
class MainWindow;
class NewCardDialog;

// What the Board menu does on the current organisation's board, each change an undo step: a new
// card in a column (its quick editor), archiving done cards and bringing them back, deleting a
// card, and cutting the board into swimlanes (a card dragged into another assignee's lane is
// assigned and moved in one step). Messages go through the window's status bar.
class BoardActions : public QObject
{
    Q_OBJECT

public:
    explicit BoardActions(MainWindow *window);

    // Fills the Board menu; needs the window's board view and its Workspace Settings action.
    void buildMenu(QMenu *menu);

    NewCardDialog *newCard(qint64 columnId);
    void archiveDoneCards();
    void archiveSelectedCard();
    void deleteSelectedCard();
    ArchivedCardsDialog *openArchivedCards();
    void setSwimlanes(Swimlanes mode);

private:
    void assignByLane(qint64 taskId, const QString &assignee, const CardPosition &to);

    MainWindow *m_window;
    QList<QAction *> m_laneActions; // in Swimlanes order
};

} // namespace Deltaboard
