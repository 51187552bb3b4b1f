#pragma once

#include "levels.h"

#include <QMainWindow>
#include <QSet>

#include <memory>
#include <optional>

class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QUndoStack;

namespace Deltaboard {

class BackgroundRead;
class BoardModel;
class BoardView;
class CrashListModel;
class CrashView;
class Database;
class DeltaListView;
class DeltaTableModel;
class FlowView;
class GapModel;
class GapView;
class ImpactMatrixModel;
class ImpactView;
class ImportWizard;
class PrioritiesView;
class PriorityRankingModel;
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
    // In tool bar order; Ctrl+1 .. Ctrl+7.
    enum class View { Board, Deltas, Priorities, Impact, Gap, Flow, Crashes };

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
    PrioritiesView *prioritiesView() const { return m_prioritiesView; }
    PriorityRankingModel *priorityRanking() const { return m_ranking; }
    ImpactView *impactView() const { return m_impactView; }
    ImpactMatrixModel *impactMatrix() const { return m_impact; }
    GapView *gapView() const { return m_gapView; }
    GapModel *gapModel() const { return m_gap; }
    FlowView *flowView() const { return m_flowView; }
    CrashView *crashView() const { return m_crashView; }
    CrashListModel *crashList() const { return m_crashes; }
    // Crash texts are ingested on a worker, one transaction for all of them.
    void ingestCrashFiles(const QStringList &paths);
    // File > Import…: the import wizard for other trackers' exports, with these files listed.
    // Files dropped on the window go here when they are tracker exports, and to
    // ingestCrashFiles otherwise. Not owned by the caller (deleted when closed).
    ImportWizard *openImportWizard(const QStringList &paths = {});
    // Whether a view's data read on a worker (coverage, the gap's size, the flow) is still
    // on its way; tests and the benchmark wait for it.
    bool isReading() const;
    // Reads a view's data again now (what showing a view does when something it shows changed).
    void refreshView(View view);
    QUndoStack *undoStack() const { return m_undoStack; }
    Workspace *workspace() const { return m_workspace; }
    // Commits the current organisation to the deltas selected in the current view (Deltas, Gap,
    // Priorities or Impact), asking for the task's title; returns the new task's id, or 0 when
    // nothing was committed.
    qint64 commitSelected();
    // Shows a delta in the Deltas view.
    void openDelta(qint64 deltaId);
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
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildActions();
    void reloadOrganisations();
    void organisationChanged();
    void search(const QString &text);
    void updateStatus();
    void showError(const QString &message);
    void watchForOtherWriters();
    void reloadAll();
    void reloadComponents();
    void reloadBoard();
    // Reads a view's data again if something it shows changed since it was last read; views not
    // on screen are only marked and catch up when shown.
    void markStale(View view);
    QList<qint64> selectedDeltas() const;
    void readCoverage();
    void markSameAsDefect(qint64 crashDeltaId);
    void createDemo();
    void exportJson();
    void importJson();
    void chooseDatabase();
    void updateRecentMenu();
    void restoreSettings();

    std::unique_ptr<Database> m_db;
    // Why the user last gave up a change another writer blocked (not reported again).
    QString m_givenUpReason;
    QUndoStack *m_undoStack;
    Workspace *m_workspace;
    BoardModel *m_board;
    DeltaTableModel *m_deltas;
    QStackedWidget *m_stack;
    BoardView *m_boardView;
    DeltaListView *m_deltaList;
    PriorityRankingModel *m_ranking;
    ImpactMatrixModel *m_impact;
    GapModel *m_gap;
    PrioritiesView *m_prioritiesView;
    ImpactView *m_impactView;
    GapView *m_gapView;
    FlowView *m_flowView;
    CrashListModel *m_crashes;
    CrashView *m_crashView;
    BackgroundRead *m_coverageRead;
    BackgroundRead *m_gapCountRead;
    BackgroundRead *m_flowRead;
    QSet<int> m_stale; // View values
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
