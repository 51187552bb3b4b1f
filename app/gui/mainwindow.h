#pragma once

#include "model/levels.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QUndoStack;

namespace Deltaboard {

class BoardModel;
class BoardView;
class Database;
class DeltaListView;
class DeltaTableModel;
class TaskEditor;
class Workspace;

// The desktop app's window for one database: the current organisation's view of it (its
// board, its priorities), switched in the tool bar; the Board and Deltas views; one search field
// that searches the current view; undo for every edit. Owns the database connection it shows.
// Wiring only: behaviour lives in the views and models.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View { Board, Deltas };

    // Takes ownership of db.
    explicit MainWindow(std::unique_ptr<Database> db, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showView(View view);
    View currentView() const;
    // Switches to the organisation with this name; false when there is none.
    bool setOrganisation(const QString &name);
    qint64 organisationId() const;

    Database &database() const { return *m_db; }
    BoardModel *boardModel() const { return m_board; }
    BoardView *boardView() const { return m_boardView; }
    DeltaListView *deltaList() const { return m_deltaList; }
    QUndoStack *undoStack() const { return m_undoStack; }
    Workspace *workspace() const { return m_workspace; }
    // Commits the current organisation to the deltas selected in the Deltas view, asking for the
    // task's title; returns the new task's id, or 0 when nothing was committed.
    qint64 commitSelected();
    // Records a new delta (asks for it in a dialog); returns its id, or 0.
    qint64 newDelta();
    // Puts the selected deltas in this state, as one undo step.
    void setSelectedState(DeltaState state);
    // Marks the selected delta a duplicate of another, asking which.
    void markDuplicate();
    // Opens the task editor (one per task; a second request raises it). Not owned by the caller.
    TaskEditor *openTask(qint64 taskId);
Q_SIGNALS:
    // The user chose another database file; the application opens it in a new window.
    void openDatabaseRequested(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void reloadOrganisations();
    void organisationChanged();
    void search(const QString &text);
    void updateStatus();
    void showError(const QString &message);
    void reloadAll();
    void reloadComponents();
    void reloadBoard();
    void createDemo();
    void exportJson();
    void importJson();
    void chooseDatabase();
    void updateRecentMenu();
    void restoreSettings();

    std::unique_ptr<Database> m_db;
    QUndoStack *m_undoStack;
    Workspace *m_workspace;
    BoardModel *m_board;
    DeltaTableModel *m_deltas;
    QStackedWidget *m_stack;
    BoardView *m_boardView;
    DeltaListView *m_deltaList;
    QComboBox *m_organisations;
    QLineEdit *m_search;
    QLabel *m_counts;
    // All deltas in the database, counted when deltas come or go, not on every search.
    std::optional<int> m_totalDeltas;
    QActionGroup *m_viewActions;
    QMenu *m_recentMenu = nullptr;
    QAction *m_demoAction = nullptr;
};

} // namespace Deltaboard
