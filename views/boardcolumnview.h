#pragma once

#include <QFrame>

class QLabel;
class QListView;

namespace Deltaboard {

class BoardColumnModel;
class CardDelegate;

// One column of a board: a header with the column's name, its card count and WIP limit (the
// header turns to a warning when the column holds more than its limit), over the list of cards.
// Cards are dragged between columns and within one; the model asks the board to move them.
class BoardColumnView : public QFrame
{
    Q_OBJECT

public:
    // The model is not owned; the delegate is shared by all columns of a board.
    BoardColumnView(BoardColumnModel *model, CardDelegate *delegate, QWidget *parent = nullptr);

    BoardColumnModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    bool isWarning() const { return m_warning; }

Q_SIGNALS:
    void taskActivated(qint64 taskId);
    // The header's "+" was clicked: a new card for this column.
    void newCardRequested();

private:
    void updateHeader();

    BoardColumnModel *m_model;
    QLabel *m_name;
    QLabel *m_count;
    QListView *m_list;
    bool m_warning = false;
};

} // namespace Deltaboard
