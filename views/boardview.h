#pragma once

#include <QSet>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QListView;
class QScrollArea;

namespace Deltaboard {

class BoardColumnView;
class BoardModel;
class CardDelegate;
class SwimlaneGrid;

// An organisation's Kanban board: its columns side by side, scrolling sideways when they do not
// fit, or cut into swimlanes when the model says so. Keyboard: Ctrl+Left/Right moves the
// selected card to the neighbouring column, Ctrl+Up/Down moves it within its column (with
// swimlanes: to the neighbouring lane, where the board allows it); Enter opens it; N adds a card.
// The model is not owned.
class BoardView : public QWidget
{
    Q_OBJECT

public:
    explicit BoardView(BoardModel *model, QWidget *parent = nullptr);

    QList<BoardColumnView *> columnViews() const { return m_columns; }
    // The swimlanes, or null when the board has none.
    SwimlaneGrid *swimlaneGrid() const { return m_lanes; }
    CardDelegate *delegate() const { return m_delegate; }
    // The selected card's task id, or 0.
    qint64 selectedTask() const;
    // Shows a button offering a demo workspace (for an empty database).
    void setOfferDemo(bool offer);
    // Shows what to do on a database with no organisation yet: set one up.
    void setNoOrganisation(bool none);
    // A board this login may read but not change (a team database, another organisation's):
    // cards cannot be dragged or moved by keyboard; they still open.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

Q_SIGNALS:
    void taskActivated(qint64 taskId);
    void demoRequested();
    void setupRequested();
    // A new card for this column ("+" in its header, or N on the board).
    void newCardRequested(qint64 columnId);

private:
    void rebuild();
    void moveSelected(int columnStep, int rowStep);
    void moveSelectedInLanes(int columnStep, int laneStep);
    // Left/Right: selects the card at the same height in the next column with cards.
    void focusColumn(int step);

    void applyReadOnly(QListView *cards) const;

    BoardModel *m_model;
    bool m_readOnly = false;
    CardDelegate *m_delegate;
    QScrollArea *m_scroll;
    QWidget *m_strip;
    QHBoxLayout *m_stripLayout;
    QWidget *m_empty;
    QWidget *m_demoButton;
    QWidget *m_setupButton;
    QLabel *m_hint;
    QList<BoardColumnView *> m_columns;
    SwimlaneGrid *m_lanes = nullptr;
    QSet<QString> m_collapsedLanes;
};

} // namespace Deltaboard
