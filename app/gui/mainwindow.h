#pragma once

#include "levels.h"
#include "pages/boardpage.h"
#include "pages/deltaspage.h"
#include "pages/reportpages.h"
#include "taskstore.h"

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

class BoardModel;
class BoardPage;
class BoardView;
class CrashListModel;
class CrashView;
class CrashesPage;
class Database;
class DeltaActions;
class DeltaListView;
class DeltasPage;
class FlowPage;
class FlowView;
class GapModel;
class GapPage;
class GapView;
class ImpactMatrixModel;
class ImpactPage;
class ImpactView;
class ImportWizard;
class PrioritiesPage;
class PrioritiesView;
class PriorityRankingModel;
class TaskEditor;
class TransferActions;
class ViewPage;
class Workspace;
class ArchivedCardsDialog;
class BoardActions;
class SavedViewActions;
class ShortcutsDialog;
class TeamDatabaseDialog;
class NewCardDialog;
class WelcomePanel;
class WorkspaceSettingsDialog;
class WriteContention;
class LiveSync;

// The desktop app's window for one database: the current organisation's view of it, one page
// per view (app/gui/pages: each owns its view, search, refresh and status), switched in the
// tool bar; one search field for the current page; undo for every edit. Owns the database
// connection it shows. Wiring only: menus, the organisation switcher, settings and the list of
// pages; what the Delta menu does is in DeltaActions, moving records in and out in
// TransferActions.
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
    QString organisationName() const;
    QStringList organisationNames() const;

    Database &database() const { return *m_db; }
    BoardModel *boardModel() const { return m_board; }
    BoardView *boardView() const { return m_boardPage->view(); }
    DeltaListView *deltaList() const { return m_deltasPage->view(); }
    PrioritiesView *prioritiesView() const { return m_prioritiesPage->view(); }
    PriorityRankingModel *priorityRanking() const { return m_prioritiesPage->model(); }
    ImpactView *impactView() const { return m_impactPage->view(); }
    ImpactMatrixModel *impactMatrix() const { return m_impactPage->model(); }
    GapView *gapView() const { return m_gapPage->view(); }
    GapModel *gapModel() const { return m_gapPage->model(); }
    FlowView *flowView() const { return m_flowPage->view(); }
    CrashView *crashView() const { return m_crashesPage->view(); }
    CrashListModel *crashList() const { return m_crashesPage->model(); }
    // Crash texts are ingested on a worker, one transaction for all of them.
    void ingestCrashFiles(const QStringList &paths);
    // File > Import…: the import wizard for other trackers' exports, with these files listed.
    // Files dropped on the window go here when they are tracker exports, and to
    // ingestCrashFiles otherwise. Not owned by the caller (deleted when closed).
    ImportWizard *openImportWizard(const QStringList &paths = {});
    // Workspace Settings, on the current organisation's board (one dialog, raised if open).
    WorkspaceSettingsDialog *openWorkspaceSettings();
    WelcomePanel *welcome() const { return m_welcome; }
    // File › Connect to Team Database…: one dialog per window, kept between uses; connecting
    // emits openDatabaseRequested() with the URL. Not owned by the caller.
    TeamDatabaseDialog *openTeamDatabase();
    // Help › Keyboard Shortcuts (deleted when closed).
    ShortcutsDialog *openShortcuts();
    // The quick editor for a new card in a column of the current board; accepting it adds the
    // card as one undo step.
    NewCardDialog *newCard(qint64 columnId);
    // Takes the current board's done cards off it now: all of them, or the selected one. One
    // undo step each time. (Cards done for longer than the board's archive period leave it by
    // themselves.)
    void archiveDoneCards();
    void archiveSelectedCard();
    // Deletes the selected card (Delete on the board), as one undo step.
    void deleteSelectedCard();
    ArchivedCardsDialog *openArchivedCards();
    // Cuts the board into swimlanes (Board › Swimlanes); remembered for the next start.
    void setSwimlanes(Swimlanes mode);
    // Whether the window shows the welcome (an empty database) instead of the views.
    bool isWelcoming() const;
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
    // The deltas selected in the current view.
    QList<qint64> selectedDeltas() const;
    // Shows a delta in the Deltas view.
    void openDelta(qint64 deltaId);
    // Records a new delta (asks for it in a dialog); returns its id, or 0.
    qint64 newDelta(bool show = true);
    // Puts the selected deltas in this state, as one undo step.
    void setSelectedState(DeltaState state);
    // Marks the selected delta a duplicate of another, asking which.
    void markDuplicate();
    // Opens the task editor (one per task; a second request raises it). Not owned by the caller.
    TaskEditor *openTask(qint64 taskId);
    // The one place errors reach the user.
    void showError(const QString &message);
    void clearSearch();
    QString searchText() const;
    // Puts text in the search field, as if typed (the current page searches it).
    void setSearchText(const QString &text);
    SavedViewActions *savedViews() const { return m_savedViews; }
    // The search field names a delta or task by id ("#123", "123"): shows it. False when it
    // names none.
    bool jumpToSearchedId();
    // Everything read again (after a restore, an import, a demo).
    void reloadAll();
    // After crash texts were filed: the views that show crashes read again.
    void crashesIngested();
    // What others change in the database, as it happens (LiveSync).
    LiveSync *liveSync() const { return m_live; }
    // Everything read again because others changed what cannot be named (another process on
    // the file, a reconnect): like reloadAll(), but the undo stack stays (its steps refuse by
    // themselves what someone else has changed since).
    void catchUpWithOthers();

Q_SIGNALS:
    // The user chose another database (a file path, or a PostgreSQL URL without a password);
    // the application opens it in a new window.
    void openDatabaseRequested(const QString &location);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    ViewPage *page(View view) const { return m_pages.at(int(view)); }
    ViewPage *currentPage() const { return page(currentView()); }
    void buildActions();
    void buildDeltaMenu();
    QList<QAction *> buildViewMenu();
    void reloadOrganisations();
    // The welcome while the database has no organisation, unless the user skipped it.
    void updateWelcome();
    void organisationChanged();
    void updateStatus();
    // Whether the board may be changed: this login's rights, and the connection.
    void updateReadOnly();
    void reloadComponents();
    // The label filter's labels (labels come and go with edits).
    void reloadLabels();
    void updateShownPage();
    void chooseDatabase();
    void updateRecentMenu();
    void restoreSettings();

    std::unique_ptr<Database> m_db;
    WriteContention *m_contention = nullptr;
    LiveSync *m_live = nullptr;
    QLabel *m_readOnlyNote = nullptr; // what the current organisation's board lets this login do
    QUndoStack *m_undoStack;
    Workspace *m_workspace;
    BoardModel *m_board;
    QStackedWidget *m_central; // the welcome, or the views
    WelcomePanel *m_welcome;
    bool m_welcomeSkipped = false;
    qint64 m_shownOrganisation = 0;
    QStackedWidget *m_stack;
    BoardPage *m_boardPage;
    DeltasPage *m_deltasPage;
    PrioritiesPage *m_prioritiesPage;
    ImpactPage *m_impactPage;
    GapPage *m_gapPage;
    FlowPage *m_flowPage;
    CrashesPage *m_crashesPage;
    QList<ViewPage *> m_pages; // in View order
    DeltaActions *m_deltaActions;
    BoardActions *m_boardActions;
    SavedViewActions *m_savedViews;
    TransferActions *m_transfers;
    QComboBox *m_organisations;
    QLineEdit *m_search;
    QLabel *m_counts;
    QActionGroup *m_viewActions;
    QMenu *m_recentMenu = nullptr;
    QAction *m_demoAction = nullptr;
    TeamDatabaseDialog *m_teamDialog = nullptr;
};

} // namespace Deltaboard
