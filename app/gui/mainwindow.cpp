#include "mainwindow.h"

#include "backgroundjob.h"
#include "importwizard.h"

#include "backgroundread.h"
#include "boardmodel.h"
#include "commitcommand.h"
#include "crashlistmodel.h"
#include "crashstore.h"
#include "createdeltacommand.h"
#include "database.h"
#include "deltastore.h"
#include "deltatablemodel.h"
#include "demogenerator.h"
#include "flowreports.h"
#include "gapmodel.h"
#include "groupstore.h"
#include "impactmatrixmodel.h"
#include "inputfile.h"
#include "inputtext.h"
#include "jsondump.h"
#include "organisationstore.h"
#include "priorityrankingmodel.h"
#include "reports.h"
#include "setstatecommand.h"
#include "taskstore.h"
#include "trackerimport.h"
#include "triagereports.h"
#include "workspace.h"
#include "views/boardview.h"
#include "views/commitdialog.h"
#include "views/crashview.h"
#include "views/deltadetailview.h"
#include "views/deltalistview.h"
#include "views/flowview.h"
#include "views/gapview.h"
#include "views/impactview.h"
#include "views/newdeltadialog.h"
#include "views/prioritiesview.h"
#include "views/taskeditor.h"

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

constexpr int kMaxRecent = 8;
// How the settings name the views, in View order.
const QStringList kViewNames
    = {u"board"_s, u"deltas"_s, u"priorities"_s, u"impact"_s, u"gap"_s, u"flow"_s, u"crashes"_s};

QStringList recentDatabases()
{
    return QSettings().value(u"database/recent"_s).toStringList();
}

void rememberDatabase(const QString &path)
{
    QSettings settings;
    QStringList recent = recentDatabases();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue(u"database/recent"_s, recent.mid(0, kMaxRecent));
    settings.setValue(u"database/last"_s, absolute);
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<Database> db, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
    , m_undoStack(new QUndoStack(this))
    , m_workspace(new Workspace(*m_db, m_undoStack, this))
    , m_board(new BoardModel(*m_db, this))
    , m_deltas(new DeltaTableModel(*m_db, this))
    , m_stack(new QStackedWidget(this))
    , m_boardView(new BoardView(m_board, m_stack))
    , m_deltaList(new DeltaListView(m_deltas, m_workspace, m_stack))
    , m_ranking(new PriorityRankingModel(m_workspace, this))
    , m_impact(new ImpactMatrixModel(m_workspace, this))
    , m_gap(new GapModel(*m_db, this))
    , m_prioritiesView(new PrioritiesView(m_ranking, m_stack))
    , m_impactView(new ImpactView(m_impact, m_stack))
    , m_gapView(new GapView(m_gap, m_stack))
    , m_flowView(new FlowView(m_stack))
    , m_crashes(new CrashListModel(*m_db, this))
    , m_crashView(new CrashView(m_crashes, *m_db, m_stack))
    , m_coverageRead(new BackgroundRead(this))
    , m_gapCountRead(new BackgroundRead(this))
    , m_flowRead(new BackgroundRead(this))
    , m_organisations(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_viewActions(new QActionGroup(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("%1 — Deltaboard").arg(QFileInfo(m_db->path()).fileName()));
    m_board->setUndoStack(m_undoStack);
    // In View order.
    for (QWidget *view :
         {static_cast<QWidget *>(m_boardView), static_cast<QWidget *>(m_deltaList),
          static_cast<QWidget *>(m_prioritiesView), static_cast<QWidget *>(m_impactView),
          static_cast<QWidget *>(m_gapView), static_cast<QWidget *>(m_flowView),
          static_cast<QWidget *>(m_crashView)}) {
        m_stack->addWidget(view);
    }
    // The derived views read when first shown.
    m_stale = {int(View::Priorities), int(View::Impact), int(View::Gap), int(View::Flow),
               int(View::Crashes)};
    setAcceptDrops(true);
    setCentralWidget(m_stack);

    m_organisations->setObjectName(u"organisationSwitcher"_s);
    m_organisations->setMinimumContentsLength(22);
    m_organisations->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_organisations->setToolTip(tr("The organisation whose board and priorities you see"));
    m_search->setObjectName(u"searchField"_s);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    m_counts->setObjectName(u"statusCounts"_s);
    statusBar()->addPermanentWidget(m_counts);
    rememberDatabase(m_db->path());
    watchForOtherWriters();

    buildActions();
    connect(m_organisations, &QComboBox::currentIndexChanged, this,
            &MainWindow::organisationChanged);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::search);
    connect(m_board, &BoardModel::errorOccurred, this, &MainWindow::showError);
    connect(m_boardView, &BoardView::taskActivated, this, &MainWindow::openTask);
    connect(m_board, &BoardModel::cardMoved, this, &MainWindow::updateStatus);
    connect(m_board, &BoardModel::boardReset, this, &MainWindow::updateStatus);
    connect(m_deltaList, &DeltaListView::countChanged, this, &MainWindow::updateStatus);
    // Edits tell what changed; each view refreshes just that.
    connect(m_workspace, &Workspace::errorOccurred, this, &MainWindow::showError);
    connect(m_workspace, &Workspace::deltaChanged, this, [this](qint64 deltaId) {
        m_deltas->refreshDelta(deltaId);
        // The derived views: the one on screen refreshes that delta, the others catch up later.
        if (currentView() == View::Priorities)
            m_ranking->refreshDelta(deltaId);
        else
            markStale(View::Priorities);
        if (currentView() == View::Impact) {
            m_impact->refreshDelta(deltaId);
            readCoverage(); // coverage changes with an impact
        } else {
            markStale(View::Impact);
        }
        markStale(View::Gap);
        if (m_deltaList->detail()->deltaId() == deltaId)
            m_deltaList->detail()->reload();
        // Cards show their deltas' priority and impact: refresh the board if one is on it.
        const auto tasks = TaskStore(*m_db).tasksForDelta(deltaId);
        if (!tasks)
            return showError(tasks.error());
        const qint64 shown = m_board->organisationId();
        if (std::any_of(tasks->cbegin(), tasks->cend(),
                        [shown](const Task &task) { return task.organisationId == shown; })) {
            reloadBoard();
        }
    });
    connect(m_workspace, &Workspace::deltasAdded, this, [this] {
        m_totalDeltas.reset();
        m_deltas->refresh();
        for (const View view :
             {View::Priorities, View::Impact, View::Gap, View::Flow, View::Crashes})
            markStale(view);
        updateStatus();
    });
    connect(m_boardView, &BoardView::demoRequested, this, &MainWindow::createDemo);
    connect(m_workspace, &Workspace::tasksChanged, this, [this](qint64 organisationId) {
        if (organisationId == m_board->organisationId()) {
            reloadBoard();
            markStale(View::Flow);
        }
        markStale(View::Gap);
        markStale(View::Impact);  // coverage
        markStale(View::Crashes); // regressions follow fix records
    });
    // A card move changes the flow (and coverage once it starts or finishes work).
    connect(m_board, &BoardModel::cardMoved, this, [this] {
        markStale(View::Flow);
        markStale(View::Impact);
    });
    connect(m_prioritiesView, &PrioritiesView::openDeltaRequested, this, &MainWindow::openDelta);
    connect(m_impactView, &ImpactView::openDeltaRequested, this, &MainWindow::openDelta);
    connect(m_gapView, &GapView::openDeltaRequested, this, &MainWindow::openDelta);
    connect(m_gapView, &GapView::commitRequested, this, [this] { commitSelected(); });
    connect(m_flowView, &FlowView::rangeChanged, this, [this] { refreshView(View::Flow); });
    connect(m_crashView, &CrashView::commitRequested, this, [this] { commitSelected(); });
    connect(m_crashView, &CrashView::linkToDefectRequested, this, &MainWindow::markSameAsDefect);
    connect(m_crashes, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_ranking, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_impact, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);

    resize(1440, 900); // the first start; later ones restore the size the user left
    reloadOrganisations();
    restoreSettings();
    showView(currentView());
}

MainWindow::~MainWindow()
{
    // Views and models read through the database: they go before it does.
    m_db->setContentionHandlers({}, {});
    m_undoStack->clear();
    delete m_coverageRead; // waits for a worker still reading
    delete m_gapCountRead;
    delete m_flowRead;
    delete m_stack;
    delete m_ranking;
    delete m_impact;
    delete m_gap;
    delete m_crashes;
    delete m_deltas;
    delete m_board;
    delete m_workspace;
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Database…"), this, &MainWindow::chooseDatabase);
    open->setShortcut(QKeySequence::Open);
    QAction *create = file->addAction(tr("&New Database…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New Database"), {},
                                                          tr("Deltaboard databases (*.sqlite)"));
        if (!path.isEmpty())
            Q_EMIT openDatabaseRequested(path);
    });
    create->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    m_demoAction = file->addAction(tr("Create &Demo Workspace"), this, &MainWindow::createDemo);
    file->addAction(tr("&Export JSON…"), this, &MainWindow::exportJson);
    file->addAction(tr("&Import JSON…"), this, &MainWindow::importJson);
    QAction *importTrackers
        = file->addAction(tr("Import from &Other Trackers…"), this, [this] { openImportWizard(); });
    importTrackers->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importTrackers->setToolTip(tr("GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac and Trello "
                                  "exports"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addAction(tr("Undo &History…"), this, [this] {
        auto *dialog = new QDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Undo History"));
        auto *layout = new QVBoxLayout(dialog);
        auto *view = new QUndoView(m_undoStack, dialog);
        view->setEmptyLabel(tr("<opened %1>").arg(QFileInfo(m_db->path()).fileName()));
        layout->addWidget(view);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        dialog->resize(420, 360);
        dialog->show();
    });
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Search"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu *deltaMenu = menuBar()->addMenu(tr("&Delta"));
    QAction *record = deltaMenu->addAction(tr("&New Delta…"), this, [this] { newDelta(); });
    record->setObjectName(u"newDeltaAction"_s);
    record->setShortcut(QKeySequence::New);
    QAction *commit = deltaMenu->addAction(tr("&Commit…"), this, [this] { commitSelected(); });
    commit->setObjectName(u"commitAction"_s);
    commit->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    commit->setToolTip(tr("Commit the current organisation to the selected deltas"));
    QMenu *stateMenu = deltaMenu->addMenu(tr("Set &State"));
    const struct
    {
        DeltaState state;
        QString text;
    } states[] = {{DeltaState::Confirmed, tr("&Confirmed")},
                  {DeltaState::Disputed, tr("&Disputed")},
                  {DeltaState::Declined, tr("D&eclined")},
                  {DeltaState::Resolved, tr("&Resolved")},
                  {DeltaState::New, tr("&New")}};
    for (const auto &entry : states) {
        QAction *action = stateMenu->addAction(
            entry.text, this, [this, state = entry.state] { setSelectedState(state); });
        action->setObjectName(u"state:"_s + Levels::stateName(entry.state));
    }
    stateMenu->addAction(tr("Duplicate &Of…"), this, &MainWindow::markDuplicate);
    // The same actions on the inbox's context menu.
    QTableView *table = m_deltaList->table();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addAction(commit);
    table->addAction(stateMenu->menuAction());
    table->addAction(record);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *board = viewMenu->addAction(tr("&Board"), this, [this] { showView(View::Board); });
    board->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *deltas = viewMenu->addAction(tr("&Deltas"), this, [this] { showView(View::Deltas); });
    deltas->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *priorities
        = viewMenu->addAction(tr("&Priorities"), this, [this] { showView(View::Priorities); });
    priorities->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    priorities->setToolTip(tr("This organisation's ranking, side by side with another's"));
    QAction *impact = viewMenu->addAction(tr("&Impact"), this, [this] { showView(View::Impact); });
    impact->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    impact->setToolTip(tr("Who is hurt: deltas by user group, and each group's coverage"));
    QAction *gap = viewMenu->addAction(tr("&Gap"), this, [this] { showView(View::Gap); });
    gap->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    gap->setToolTip(tr("Deltas that hurt users highly and that nobody has committed to"));
    QAction *flow = viewMenu->addAction(tr("&Flow"), this, [this] { showView(View::Flow); });
    flow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    flow->setToolTip(tr("This organisation's cumulative flow, clocks and throughput"));
    QAction *crashes
        = viewMenu->addAction(tr("&Crashes"), this, [this] { showView(View::Crashes); });
    crashes->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_7));
    crashes->setToolTip(tr("Crash deltas by signature, their reports and frames"));
    for (QAction *action : {board, deltas, priorities, impact, gap, flow, crashes}) {
        action->setCheckable(true);
        m_viewActions->addAction(action);
    }
    board->setChecked(true);
    viewMenu->addSeparator();
    QAction *switchOrganisation = viewMenu->addAction(tr("Switch &Organisation"), this, [this] {
        m_organisations->setFocus(Qt::ShortcutFocusReason);
        m_organisations->showPopup();
    });
    switchOrganisation->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *organisationLabel = new QLabel(tr("Organisation:"), bar);
    organisationLabel->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(organisationLabel);
    bar->addWidget(m_organisations);
    bar->addSeparator();
    for (QAction *action : {board, deltas, priorities, impact, gap, flow, crashes})
        bar->addAction(action);
    bar->addSeparator();
    bar->addAction(commit);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentDatabases();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName() + u"  —  "_s + path, this,
                                [this, path] { Q_EMIT openDatabaseRequested(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::reloadOrganisations()
{
    const qint64 current = organisationId();
    const QSignalBlocker blocker(m_organisations);
    m_organisations->clear();
    const auto organisations = OrganisationStore(*m_db).list();
    if (!organisations) {
        showError(organisations.error());
        return;
    }
    for (const Organisation &organisation : *organisations)
        m_organisations->addItem(organisation.name, organisation.id);
    const int index = m_organisations->findData(current);
    m_organisations->setCurrentIndex(index >= 0 ? index : 0);
    m_organisations->setEnabled(!organisations->isEmpty());
    if (organisations->isEmpty())
        m_organisations->setPlaceholderText(tr("No organisations yet"));
    // An empty database is offered a demo workspace, on the board and in the File menu.
    const bool empty = organisations->isEmpty() && m_deltas->totalCount() == 0;
    m_demoAction->setEnabled(empty);
    m_boardView->setOfferDemo(empty);
    reloadComponents();
    organisationChanged();
}

qint64 MainWindow::organisationId() const
{
    return m_organisations->currentData().toLongLong();
}

bool MainWindow::setOrganisation(const QString &name)
{
    const int index = m_organisations->findText(name, Qt::MatchFixedString);
    if (index < 0)
        return false;
    m_organisations->setCurrentIndex(index);
    return true;
}

void MainWindow::organisationChanged()
{
    const qint64 id = organisationId();
    // Undo entries belong to the board they were made on.
    m_undoStack->clear();
    if (id > 0) {
        if (const Status loaded = m_board->load(id); !loaded)
            showError(loaded.error());
        QSettings().setValue(u"organisation/last"_s, m_organisations->currentText());
    }
    m_deltaList->setOrganisation(id > 0 ? std::optional<qint64>(id) : std::nullopt);
    markStale(View::Priorities);
    markStale(View::Flow);
    updateStatus();
}

qint64 MainWindow::commitSelected()
{
    const QList<qint64> ids = selectedDeltas();
    if (ids.isEmpty()) {
        if (currentView() != View::Gap && currentView() != View::Priorities
            && currentView() != View::Impact && currentView() != View::Crashes) {
            showView(View::Deltas);
        }
        statusBar()->showMessage(tr("Select one or more deltas to commit to."), 6000);
        return 0;
    }
    if (organisationId() <= 0) {
        showError(tr("There is no organisation to commit: create one first."));
        return 0;
    }
    DeltaStore deltas(*m_db);
    TaskStore tasks(*m_db);
    QStringList lines;
    QStringList others;
    QString suggested;
    for (const qint64 id : ids) {
        const auto delta = deltas.get(id);
        if (!delta) {
            showError(delta.error());
            return 0;
        }
        if (suggested.isEmpty())
            suggested = delta->kind == DeltaKind::Spec ? tr("Implement: %1").arg(delta->title)
                                                       : tr("Fix: %1").arg(delta->title);
        lines.append(u"#%1 %2"_s.arg(id).arg(delta->title.toHtmlEscaped()));
        const auto existing = tasks.tasksForDelta(id);
        if (!existing) {
            showError(existing.error());
            return 0;
        }
        {
            for (const Task &task : *existing) {
                const QString line
                    = tr("%1 (task #%2, %3)").arg(task.organisation).arg(task.id).arg(task.column);
                if (!others.contains(line))
                    others.append(line);
            }
        }
    }
    CommitDialog dialog(m_organisations->currentText(), lines, others, suggested, this);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    auto *command = new CommitCommand(m_workspace, organisationId(), dialog.title(), ids);
    m_undoStack->push(command);
    // A failed commit is obsolete and already gone from the stack: read its id only on success.
    const qint64 taskId
        = m_undoStack->command(m_undoStack->index() - 1) == command ? command->taskId() : 0;
    if (taskId)
        statusBar()->showMessage(tr("%1 committed: task #%2 is on its board.")
                                     .arg(m_organisations->currentText())
                                     .arg(taskId),
                                 8000);
    return taskId;
}

TaskEditor *MainWindow::openTask(qint64 taskId)
{
    for (TaskEditor *open : findChildren<TaskEditor *>()) {
        if (open->taskId() == taskId) {
            open->raise();
            open->activateWindow();
            return open;
        }
    }
    auto *editor = new TaskEditor(m_workspace, taskId, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &TaskEditor::openDeltaRequested, this, [this](qint64 deltaId) {
        openDelta(deltaId);
        raise();
        activateWindow();
    });
    editor->show();
    return editor;
}

void MainWindow::openDelta(qint64 deltaId)
{
    showView(View::Deltas);
    if (!m_deltaList->selectDelta(deltaId)) {
        m_search->clear(); // a search may hide it
        m_deltaList->setSearchText({});
        QTimer::singleShot(200, this, [this, deltaId] { m_deltaList->selectDelta(deltaId); });
    }
}

void MainWindow::showView(View view)
{
    m_stack->setCurrentIndex(int(view));
    m_viewActions->actions().at(int(view))->setChecked(true);
    // One search field, for the views that have something to search.
    const bool searchable = view == View::Board || view == View::Deltas;
    m_search->setEnabled(searchable);
    m_search->setPlaceholderText(view == View::Board ? tr("Filter cards by title (Ctrl+F)")
                                 : view == View::Deltas
                                     ? tr("Search deltas: title, desired, actual, details (Ctrl+F)")
                                     : tr("Search works in the Board and Deltas views"));
    if (searchable)
        search(m_search->text());
    if (m_stale.contains(int(view)))
        refreshView(view);
    updateStatus();
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_stack->currentIndex());
}

void MainWindow::markStale(View view)
{
    if (currentView() == view && isVisible())
        refreshView(view);
    else
        m_stale.insert(int(view));
}

bool MainWindow::isReading() const
{
    return m_coverageRead->isBusy() || m_gapCountRead->isBusy() || m_flowRead->isBusy();
}

void MainWindow::refreshView(View view)
{
    m_stale.remove(int(view));
    const qint64 organisation = organisationId();
    switch (view) {
    case View::Board:
    case View::Deltas: return; // kept current by their models
    case View::Priorities: {
        QList<std::pair<qint64, QString>> organisations;
        for (int i = 0; i < m_organisations->count(); ++i)
            organisations.append(
                {m_organisations->itemData(i).toLongLong(), m_organisations->itemText(i)});
        m_prioritiesView->setOrganisations(organisations, organisation);
        return;
    }
    case View::Impact:
        m_impact->refresh();
        readCoverage();
        return;
    case View::Gap:
        m_gap->refresh();
        m_gapView->setTotal(std::nullopt);
        m_gapCountRead->read<int>(
            m_db->path(), [](Database &db) { return Reports(db).gapCount(); },
            [this](const Result<int> &count) {
                m_gapView->setTotal(count ? std::optional<int>(*count) : std::nullopt);
                updateStatus();
                if (!count)
                    m_counts->setText(tr("Cannot count the gap: %1").arg(count.error()));
            });
        return;
    case View::Crashes: m_crashes->refresh(); return;
    case View::Flow: {
        const QString name = m_organisations->currentText();
        m_flowView->setLoading(name);
        if (organisation <= 0) {
            m_flowView->setSummary(name, Error{tr("there is no organisation yet")});
            return;
        }
        // "Today" by this connection's clock, so the worker draws the same days.
        const QDate today = m_db->clock().now().toUTC().date();
        const QDate from = m_flowView->fromDate(today);
        m_flowRead->read<FlowSummary>(
            m_db->path(),
            [organisation, from, today](Database &db) {
                return FlowReports(db).summary(organisation, from, today);
            },
            [this, name](const Result<FlowSummary> &summary) {
                m_flowView->setSummary(name, summary);
            });
        return;
    }
    }
}

void MainWindow::readCoverage()
{
    // Coverage aggregates every impact and task: read on a worker, drawn when it arrives.
    m_coverageRead->read<QList<CoverageRow>>(
        m_db->path(), [](Database &db) { return TriageReports(db).coverage(); },
        [this](const Result<QList<CoverageRow>> &coverage) {
            m_impactView->setCoverage(coverage);
        });
}

QList<qint64> MainWindow::selectedDeltas() const
{
    switch (currentView()) {
    case View::Deltas: return m_deltaList->selectedDeltas();
    case View::Gap: return m_gapView->selectedDeltas();
    case View::Crashes:
        if (const qint64 id = m_crashView->currentDelta())
            return {id};
        return {};
    case View::Priorities:
        if (const qint64 id = m_prioritiesView->currentDelta())
            return {id};
        return {};
    case View::Impact: {
        const QModelIndex current = m_impactView->table()->currentIndex();
        if (current.isValid())
            return {m_impact->deltaAt(current.row())};
        return {};
    }
    default: return {};
    }
}

void MainWindow::search(const QString &text)
{
    if (currentView() == View::Board)
        m_board->setFilter(text);
    else if (currentView() == View::Deltas)
        m_deltaList->setSearchText(text);
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    switch (currentView()) {
    case View::Priorities:
        m_counts->setText(tr("%1 deltas in the list").arg(locale.toString(m_ranking->rowCount())));
        return;
    case View::Impact:
        m_counts->setText(
            tr("%1 open deltas with an impact").arg(locale.toString(m_impact->rowCount())));
        return;
    case View::Gap:
        if (const std::optional<int> total
            = m_gap->complete() ? m_gap->rowCount() : m_gapView->total()) {
            m_counts->setText(tr("%1 deltas in the gap").arg(locale.toString(*total)));
        } else {
            m_counts->setText(tr("Counting the gap…"));
        }
        return;
    case View::Flow: m_counts->clear(); return;
    case View::Crashes:
        m_counts->setText(tr("%1 crash deltas, %2 reports")
                              .arg(locale.toString(m_crashes->rowCount()),
                                   locale.toString(m_crashes->totalReports())));
        return;
    default: break;
    }
    if (currentView() == View::Board) {
        const int cards = m_board->cardCount();
        m_counts->setText(cards == 1
                              ? tr("1 card on %1's board").arg(m_organisations->currentText())
                              : tr("%1 cards on %2's board")
                                    .arg(locale.toString(cards), m_organisations->currentText()));
        if (m_organisations->count() == 0)
            m_counts->setText(tr("No organisations yet"));
        return;
    }
    if (!m_totalDeltas) {
        const auto counted = DeltaStore(*m_db).count({});
        if (!counted) {
            m_counts->setText(tr("Cannot count deltas"));
            m_counts->setToolTip(counted.error());
            return;
        }
        m_totalDeltas = *counted;
    }
    const int total = *m_totalDeltas;
    const int matching = m_deltas->totalCount();
    const QString all = total == 1 ? tr("1 delta") : tr("%1 deltas").arg(locale.toString(total));
    m_counts->setText(matching == total ? all : tr("%1 of %2").arg(locale.toString(matching), all));
}

void MainWindow::watchForOtherWriters()
{
    // Another program (the command line, a second window, an import) may hold the write lock.
    // An edit waits for it, and the status bar says so at once: the window cannot repaint
    // while it waits, so the message is painted now. When the wait runs out the user chooses
    // between waiting again and giving the edit up; it is never dropped silently.
    m_db->setContentionHandlers(
        [this] {
            statusBar()->showMessage(
                tr("Waiting for another program writing to this database to finish…"));
            statusBar()->repaint();
        },
        [this](const QString &reason) {
            statusBar()->clearMessage();
            if (!isVisible())
                return false;
            QMessageBox box(QMessageBox::Warning, tr("Deltaboard"),
                            tr("Your change is not saved yet: another program is writing to "
                               "this database."),
                            QMessageBox::Retry | QMessageBox::Discard, this);
            box.setObjectName(u"writeBusyBox"_s);
            box.setInformativeText(
                tr("Try again once it is done (an import can take a minute), or give the change "
                   "up."));
            box.setDetailedText(reason);
            box.button(QMessageBox::Retry)->setText(tr("Try Again"));
            box.button(QMessageBox::Discard)->setText(tr("Give Up the Change"));
            box.setDefaultButton(QMessageBox::Retry);
            if (box.exec() == QMessageBox::Retry)
                return true;
            // The user chose this: the failure that follows is not news to them.
            m_givenUpReason = reason;
            return false;
        });
}

void MainWindow::showError(const QString &message)
{
    // The one place errors reach the user: never silently, never as a crash.
    if (!m_givenUpReason.isEmpty() && message.contains(m_givenUpReason)) {
        m_givenUpReason.clear();
        statusBar()->showMessage(tr("The change was given up; nothing was written."), 10000);
        return;
    }
    // Errors quote what they refuse; a last guard keeps any of them to one line of sane length.
    const QString line = InputText::oneLine(message);
    statusBar()->showMessage(line, 10000);
    if (isVisible())
        QMessageBox::warning(this, tr("Deltaboard"), line);
}

void MainWindow::reloadBoard()
{
    if (const Status loaded = m_board->load(m_board->organisationId()); !loaded)
        showError(loaded.error());
}

void MainWindow::reloadComponents()
{
    const auto components = GroupStore(*m_db).components();
    if (!components)
        return showError(components.error());
    QList<std::pair<qint64, QString>> names;
    for (const Component &component : *components)
        names.append({component.id, component.name});
    m_deltaList->setComponents(names);
}

qint64 MainWindow::newDelta()
{
    const auto components = GroupStore(*m_db).components();
    NewDeltaDialog dialog(components ? *components : QList<Component>{}, this);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    auto *command = new CreateDeltaCommand(m_workspace, dialog.delta());
    m_undoStack->push(command);
    // A failed one is obsolete and already deleted by the stack: only read it when it stayed.
    const qint64 id
        = m_undoStack->command(m_undoStack->index() - 1) == command ? command->deltaId() : 0;
    if (id) {
        showView(View::Deltas);
        m_search->clear();
        m_deltaList->setSearchText({});
        m_deltaList->selectDelta(id); // the command's deltasAdded has refreshed the list
    }
    return id;
}

void MainWindow::setSelectedState(DeltaState state)
{
    const QList<qint64> ids = m_deltaList->selectedDeltas();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select the deltas to change first."), 6000);
        return;
    }
    DeltaStore deltas(*m_db);
    QList<SetStateCommand::Change> changes;
    for (const qint64 id : ids) {
        const auto delta = deltas.get(id);
        if (!delta)
            return showError(delta.error());
        if (delta->state != state)
            changes.append({id, {delta->state, delta->duplicateOf}, {state, std::nullopt}});
    }
    if (!changes.isEmpty()) // one step and one transaction for the whole selection
        m_undoStack->push(new SetStateCommand(m_workspace, changes));
}

void MainWindow::markDuplicate()
{
    const QList<qint64> ids = m_deltaList->selectedDeltas();
    if (ids.size() != 1) {
        statusBar()->showMessage(tr("Select the one delta that is a duplicate."), 6000);
        return;
    }
    const auto delta = DeltaStore(*m_db).get(ids.first());
    if (!delta)
        return showError(delta.error());
    bool ok = false;
    const int original = QInputDialog::getInt(
        this, tr("Duplicate Of"), tr("Delta %1 is a duplicate of delta:").arg(delta->id), 1, 1,
        std::numeric_limits<int>::max(), 1, &ok);
    if (!ok)
        return;
    m_undoStack->push(new SetStateCommand(
        m_workspace,
        {{delta->id, {delta->state, delta->duplicateOf}, {DeltaState::Duplicate, original}}}));
}

void MainWindow::reloadAll()
{
    m_totalDeltas.reset();
    m_undoStack->clear();
    m_deltas->refresh();
    reloadOrganisations();
    for (const View view : {View::Priorities, View::Impact, View::Gap, View::Flow, View::Crashes})
        markStale(view);
}

void MainWindow::createDemo()
{
    auto *job = BackgroundJob::start(this, tr("Creating a demo workspace…"), m_db->path(),
                                     [](Database &db, const BackgroundJob::Progress &progress) {
                                         const auto counts
                                             = DemoGenerator(db).generate({}, progress);
                                         return counts ? Status() : Status(Error{counts.error()});
                                     });
    connect(job, &BackgroundJob::finished, this, [this](const Status &status) {
        if (!status)
            showError(status.error());
        reloadAll();
    });
}

void MainWindow::exportJson()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export JSON"), {}, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    auto *job = BackgroundJob::start(this, tr("Exporting to %1…").arg(QFileInfo(path).fileName()),
                                     m_db->path(),
                                     [path](Database &db, const BackgroundJob::Progress &progress) {
                                         return JsonDump(db).exportTo(path, progress);
                                     });
    connect(job, &BackgroundJob::finished, this, [this, path](const Status &status) {
        if (!status)
            showError(status.error());
        else
            statusBar()->showMessage(tr("Exported to %1").arg(path), 8000);
    });
}

void MainWindow::importJson()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Import JSON"), {}, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    auto *job = BackgroundJob::start(this, tr("Importing %1…").arg(QFileInfo(path).fileName()),
                                     m_db->path(),
                                     [path](Database &db, const BackgroundJob::Progress &progress) {
                                         return JsonDump(db).importFrom(path, progress);
                                     });
    connect(job, &BackgroundJob::finished, this, [this](const Status &status) {
        if (!status)
            showError(status.error());
        reloadAll();
    });
}

void MainWindow::chooseDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Database"), {},
                                                      tr("Deltaboard databases (*.sqlite);;"
                                                         "All files (*)"));
    if (!path.isEmpty())
        Q_EMIT openDatabaseRequested(path);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    setOrganisation(settings.value(u"organisation/last"_s).toString());
    const int view = kViewNames.indexOf(settings.value(u"window/view"_s).toString());
    showView(view >= 0 ? View(view) : View::Board);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/view"_s, kViewNames.value(int(currentView())));
    QMainWindow::closeEvent(event);
}

void MainWindow::markSameAsDefect(qint64 crashDeltaId)
{
    bool ok = false;
    const int defect = QInputDialog::getInt(
        this, tr("Same as Defect"), tr("Crash delta %1 is the defect with id:").arg(crashDeltaId),
        1, 1, std::numeric_limits<int>::max(), 1, &ok);
    if (!ok)
        return;
    DeltaStore deltas(*m_db);
    const auto target = deltas.get(defect);
    if (!target)
        return showError(target.error());
    if (target->id == crashDeltaId)
        return showError(tr("A crash cannot be the same as itself."));
    if (target->kind != DeltaKind::Defect)
        return showError(
            tr("Delta %1 is a %2, not a defect.").arg(defect).arg(Levels::kindName(target->kind)));
    const auto crash = deltas.get(crashDeltaId);
    if (!crash)
        return showError(crash.error());
    m_undoStack->push(new SetStateCommand(
        m_workspace,
        {{crashDeltaId, {crash->state, crash->duplicateOf}, {DeltaState::Duplicate, defect}}}));
    statusBar()->showMessage(tr("Crash delta %1 is now recorded as defect %2 (Ctrl+Z undoes).")
                                 .arg(crashDeltaId)
                                 .arg(defect),
                             8000);
}

void MainWindow::ingestCrashFiles(const QStringList &paths)
{
    auto texts = CrashStore::readTexts(paths);
    if (!texts)
        return showError(texts.error());
    auto message = std::make_shared<QString>();
    auto *job = BackgroundJob::start(
        this, tr("Reading %n crash report(s)…", nullptr, int(texts->size())), m_db->path(),
        [texts = std::move(texts).value(), message](Database &db, const BackgroundJob::Progress &) {
            const auto summary = CrashStore(db).ingest(texts);
            if (!summary)
                return Status(Error{summary.error()});
            *message = tr("%1 crash reports filed: %2 new crash deltas, %3 added to known "
                          "signatures.")
                           .arg(summary->reports)
                           .arg(summary->newDeltas)
                           .arg(summary->reports - summary->newDeltas);
            return Status();
        });
    connect(job, &BackgroundJob::finished, this, [this, message](const Status &status) {
        if (!status)
            return showError(status.error() + tr(" Nothing was stored."));
        m_totalDeltas.reset();
        m_deltas->refresh();
        for (const View view : {View::Gap, View::Impact, View::Crashes})
            markStale(view);
        showView(View::Crashes);
        statusBar()->showMessage(*message, 10000);
    });
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &url) {
            return url.isLocalFile();
        })) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls)
        paths.append(url.toLocalFile());
    event->acceptProposedAction();
    // Tracker exports go to the import wizard, everything else is read as crash text.
    QStringList exports;
    QStringList crashes;
    for (const QString &path : std::as_const(paths)) {
        // Only regular files are opened (a dropped pipe would block); the rest is refused by name
        // by the crash ingest.
        const auto head = InputFile::head(path, 64 * 1024);
        const bool isExport = head && !TrackerImport::detect(*head).isEmpty();
        (isExport ? exports : crashes).append(path);
    }
    // After the drop has returned: both show their own dialogs.
    QTimer::singleShot(0, this, [this, exports, crashes] {
        if (!crashes.isEmpty())
            ingestCrashFiles(crashes);
        if (!exports.isEmpty())
            openImportWizard(exports);
    });
}

ImportWizard *MainWindow::openImportWizard(const QStringList &paths)
{
    QStringList organisations;
    for (int i = 0; i < m_organisations->count(); ++i)
        organisations.append(m_organisations->itemText(i));
    auto *wizard = new ImportWizard(m_db->path(), organisations, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->addFiles(paths);
    connect(wizard, &ImportWizard::imported, this, [this, wizard] {
        // An import is not an undo step: its records keep their source, and importing a
        // newer export updates them.
        reloadAll();
        const ImportSummary &summary = *wizard->result();
        statusBar()->showMessage(tr("Imported: %1 new and %2 updated delta records, %3 new "
                                    "tasks, %4 new comments.")
                                     .arg(summary.created)
                                     .arg(summary.updated)
                                     .arg(summary.tasksCreated)
                                     .arg(summary.commentsCreated),
                                 10000);
    });
    wizard->open();
    return wizard;
}

} // namespace Deltaboard
