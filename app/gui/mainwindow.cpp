// Over 600 lines: the wiring of seven views, the welcome, the menus and the settings the window
// restores; what the menus do lives in deltaactions, boardactions and transferactions.
#include "mainwindow.h"
#include "shortcutsdialog.h"
#include "views/palette.h"

#include "boardactions.h"
#include "deltaactions.h"
#include "livesync.h"
#include "pages/boardpage.h"
#include "pages/deltaspage.h"
#include "pages/reportpages.h"
#include "savedviewactions.h"
#include "teamdatabasedialog.h"
#include "transferactions.h"
#include "welcome.h"
#include "workspacesettings.h"
#include "writecontention.h"

#include "boardmodel.h"
#include "boardstore.h"
#include "database.h"
#include "deltastore.h"
#include "deltatablemodel.h"
#include "groupstore.h"
#include "inputtext.h"
#include "labelstore.h"
#include "location.h"
#include "organisationstore.h"
#include "settingscommands.h"
#include "updatetaskcommand.h"
#include "views/boardview.h"
#include "views/crashview.h"
#include "views/deltadetailview.h"
#include "views/deltalistview.h"
#include "views/flowview.h"
#include "views/gapview.h"
#include "views/impactview.h"
#include "views/newcarddialog.h"
#include "views/prioritiesview.h"
#include "views/taskeditor.h"
#include "workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
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

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

constexpr int kMaxRecent = 8;
// Files and team databases (PostgreSQL URLs, never with a password: Location refuses those).
QStringList recentDatabases()
{
    return QSettings().value(u"database/recent"_s).toStringList();
}

void rememberDatabase(const QString &location)
{
    QSettings settings;
    QStringList recent = recentDatabases();
    const QString remembered
        = Location::isUrl(location) ? location : QFileInfo(location).absoluteFilePath();
    recent.removeAll(remembered);
    recent.prepend(remembered);
    settings.setValue(u"database/recent"_s, recent.mid(0, kMaxRecent));
    settings.setValue(u"database/last"_s, remembered);
}

// How a database is named to the user: a file by its name, a team database as 'database "x"
// on host:port' (a URL is not a file name: QFileInfo would make "deltaboard?host=…" of it).
QString shortName(const QString &location)
{
    if (!Location::isUrl(location))
        return QFileInfo(location).fileName();
    const auto parsed = Location::parse(location);
    return parsed ? parsed->describe() : location;
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<Database> db, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
    , m_undoStack(new QUndoStack(this))
    , m_workspace(new Workspace(*m_db, m_undoStack, this))
    , m_board(new BoardModel(*m_db, this))
    , m_central(new QStackedWidget(this))
    , m_welcome(new WelcomePanel(m_workspace, m_central))
    , m_stack(new QStackedWidget(m_central))
    , m_boardPage(new BoardPage(*m_db, m_board, m_stack))
    , m_deltasPage(new DeltasPage(*m_db, m_workspace, m_stack))
    , m_prioritiesPage(new PrioritiesPage(m_workspace, m_stack))
    , m_impactPage(new ImpactPage(m_workspace, m_db->path(), m_stack))
    , m_gapPage(new GapPage(*m_db, m_stack))
    , m_flowPage(new FlowPage(*m_db, m_stack))
    , m_crashesPage(new CrashesPage(*m_db, m_stack))
    , m_pages{m_boardPage, m_deltasPage, m_prioritiesPage, m_impactPage,
              m_gapPage,   m_flowPage,   m_crashesPage}
    , m_deltaActions(new DeltaActions(this))
    , m_boardActions(new BoardActions(this))
    , m_savedViews(new SavedViewActions(this))
    , m_transfers(new TransferActions(this))
    , m_organisations(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_viewActions(new QActionGroup(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("%1 — Deltaboard").arg(shortName(m_db->path())));
    m_board->setUndoStack(m_undoStack);
    for (ViewPage *page : std::as_const(m_pages)) {
        m_stack->addWidget(page->widget());
        connect(page, &ViewPage::statusChanged, this, &MainWindow::updateStatus);
        connect(page, &ViewPage::errorOccurred, this, &MainWindow::showError);
        connect(page, &ViewPage::openDeltaRequested, this, &MainWindow::openDelta);
        connect(page, &ViewPage::commitRequested, this, [this] { commitSelected(); });
    }
    setAcceptDrops(true);
    m_central->addWidget(m_welcome);
    m_central->addWidget(m_stack);
    setCentralWidget(m_central);

    m_organisations->setObjectName(u"organisationSwitcher"_s);
    m_organisations->setMinimumContentsLength(22);
    m_organisations->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_organisations->setToolTip(tr("The organisation whose board and priorities you see"));
    m_search->setObjectName(u"searchField"_s);
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    m_counts->setObjectName(u"statusCounts"_s);
    statusBar()->addPermanentWidget(m_counts);
    rememberDatabase(m_db->path());
    m_contention = new WriteContention(*m_db, this);
    auto *connection = new QLabel(this);
    statusBar()->addPermanentWidget(connection);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(u"readOnlyNote"_s);
    m_readOnlyNote->setStyleSheet(
        u"color: %1; font-weight: bold;"_s.arg(Palette::cautionText(palette()).name()));
    m_readOnlyNote->hide();
    statusBar()->addPermanentWidget(m_readOnlyNote);
    m_live = new LiveSync(*m_db, m_workspace, connection, this);
    connect(m_live, &LiveSync::everythingChanged, this, &MainWindow::catchUpWithOthers);
    connect(m_live->feed(), &ChangeFeed::stateChanged, this, &MainWindow::updateReadOnly);

    buildActions();
    connect(m_organisations, &QComboBox::currentIndexChanged, this,
            &MainWindow::organisationChanged);
    connect(m_search, &QLineEdit::textChanged, this,
            [this](const QString &text) { currentPage()->search(text); });
    // "#123" or "123" and Enter, in any view: to that delta or task.
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::jumpToSearchedId);
    connect(m_boardPage->view(), &BoardView::taskActivated, this, &MainWindow::openTask);
    connect(m_boardPage->view(), &BoardView::newCardRequested, m_boardActions,
            &BoardActions::newCard);
    connect(m_boardPage->view(), &BoardView::setupRequested, this, [this] {
        openWorkspaceSettings()->showTab(WorkspaceSettingsDialog::Tab::Organisations);
    });
    connect(m_boardPage->view(), &BoardView::demoRequested, m_transfers,
            &TransferActions::createDemo);
    connect(m_welcome, &WelcomePanel::workspaceCreated, this, [this](qint64 organisationId) {
        const int index = m_organisations->findData(organisationId);
        if (index >= 0)
            m_organisations->setCurrentIndex(index);
        showView(View::Board);
    });
    connect(m_welcome, &WelcomePanel::demoRequested, m_transfers, &TransferActions::createDemo);
    connect(m_welcome, &WelcomePanel::importRequested, this, [this] { openImportWizard(); });
    connect(m_welcome, &WelcomePanel::skipped, this, [this] {
        m_welcomeSkipped = true;
        updateWelcome();
        statusBar()->showMessage(
            tr("Set up organisations, boards, user groups and components any time in Edit › "
               "Workspace Settings (Ctrl+,)"),
            10000);
    });
    connect(m_workspace, &Workspace::settingsChanged, this, [this] {
        reloadOrganisations();
        // Columns may have changed: the board is read again even if the organisation is not.
        for (ViewPage *page : std::as_const(m_pages))
            page->tasksChanged(organisationId());
    });
    connect(m_crashesPage, &CrashesPage::linkToDefectRequested, m_deltaActions,
            &DeltaActions::markSameAsDefect);
    // Edits tell what changed; each page refreshes just what it shows of it.
    connect(m_workspace, &Workspace::errorOccurred, this, &MainWindow::showError);
    connect(m_workspace, &Workspace::labelsChanged, this, &MainWindow::reloadLabels);
    connect(m_workspace, &Workspace::deltaChanged, this, [this](qint64 deltaId) {
        for (ViewPage *page : std::as_const(m_pages))
            page->deltaChanged(deltaId);
    });
    connect(m_workspace, &Workspace::deltasAdded, this, [this] {
        for (ViewPage *page : std::as_const(m_pages))
            page->deltasAdded();
        updateStatus();
    });
    connect(m_workspace, &Workspace::tasksChanged, this, [this](qint64 organisationId) {
        for (ViewPage *page : std::as_const(m_pages))
            page->tasksChanged(organisationId);
    });
    // A card move changes the flow (and coverage once it starts or finishes work).
    connect(m_board, &BoardModel::cardMoved, this, [this] {
        for (ViewPage *page : std::as_const(m_pages))
            page->cardMoved();
    });

    resize(1440, 900); // the first start; later ones restore the size the user left
    reloadOrganisations();
    restoreSettings();
    showView(currentView());
}

MainWindow::~MainWindow()
{
    // Views and models read through the database: they go before it does.
    delete m_contention;
    m_undoStack->clear();
    qDeleteAll(m_pages); // their workers wait to finish
    delete m_stack;
    delete m_board;
    delete m_workspace;
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Database…"), this, &MainWindow::chooseDatabase);
    open->setShortcut(QKeySequence::Open);
    // Ctrl+Shift+O is Switch Organisation (View menu): T for team.
    QAction *team
        = file->addAction(tr("Connect to &Team Database…"), this, [this] { openTeamDatabase(); });
    team->setObjectName(u"teamDatabaseAction"_s);
    team->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    team->setToolTip(tr("Open a Deltaboard database on a PostgreSQL server"));
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
    m_demoAction = file->addAction(tr("Create &Demo Workspace"), this,
                                   [this] { m_transfers->createDemo(); });
    file->addAction(tr("&Export JSON…"), this, [this] { m_transfers->exportJson(); });
    file->addAction(tr("&Import JSON…"), this, [this] { m_transfers->importJson(); });
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
        view->setEmptyLabel(tr("<opened %1>").arg(shortName(m_db->path())));
        layout->addWidget(view);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        dialog->resize(420, 360);
        dialog->show();
    });
    edit->addSeparator();
    QAction *settings
        = edit->addAction(tr("&Workspace Settings…"), this, [this] { openWorkspaceSettings(); });
    settings->setObjectName(u"workspaceSettingsAction"_s);
    settings->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence::Preferences});
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Search"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    buildDeltaMenu();
    m_boardActions->buildMenu(menuBar()->addMenu(tr("&Board")));
    const QList<QAction *> views = buildViewMenu();
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] { openShortcuts(); });
    keys->setObjectName(u"shortcutsAction"_s);
    keys->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Question),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Slash)});
    help->addAction(tr("&About Deltaboard"), this, [this] {
        QMessageBox::about(
            this, tr("About Deltaboard"),
            tr("<h3>Deltaboard %1</h3><p>A work tracker that keeps reports (deltas) apart from "
               "commitments (tasks).</p><p>Everything the app does is also in "
               "<tt>deltaboard-cli</tt>; <tt>man deltaboard-cli</tt> lists it.</p>"
               "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                .arg(QApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *organisationLabel = new QLabel(tr("Organisation:"), bar);
    organisationLabel->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(organisationLabel);
    bar->addWidget(m_organisations);
    bar->addSeparator();
    bar->addActions(views);
    bar->addSeparator();
    bar->addAction(findChild<QAction *>(u"commitAction"_s));
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
}

void MainWindow::buildDeltaMenu()
{
    QMenu *deltaMenu = menuBar()->addMenu(tr("&Delta"));
    QAction *record = deltaMenu->addAction(tr("&New Delta…"), this, [this] { newDelta(); });
    record->setObjectName(u"newDeltaAction"_s);
    record->setShortcut(QKeySequence::New);
    QAction *commit = deltaMenu->addAction(tr("&Commit…"), this, [this] { commitSelected(); });
    commit->setObjectName(u"commitAction"_s);
    commit->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    commit->setToolTip(tr("Commit the current organisation to the selected deltas"));
    // The shown delta's own edits, also on its detail pane: they act on the Deltas view's
    // delta, so elsewhere they say where to go first.
    auto onShownDelta = [this](void (DeltaDetailView::*edit)()) {
        if (currentView() != View::Deltas || !deltaList()->detail()->deltaId()) {
            statusBar()->showMessage(tr("Select a delta in the Deltas view (Ctrl+2) first."), 6000);
            return;
        }
        (deltaList()->detail()->*edit)();
    };
    QAction *editDelta = deltaMenu->addAction(
        tr("&Edit Delta…"), this, [onShownDelta] { onShownDelta(&DeltaDetailView::edit); });
    editDelta->setObjectName(u"editDeltaAction"_s);
    editDelta->setShortcut(Qt::Key_F2);
    QAction *labelDelta = deltaMenu->addAction(
        tr("&Labels…"), this, [onShownDelta] { onShownDelta(&DeltaDetailView::editLabels); });
    labelDelta->setObjectName(u"labelDeltaAction"_s);
    labelDelta->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *relateDelta = deltaMenu->addAction(
        tr("&Relate To…"), this, [onShownDelta] { onShownDelta(&DeltaDetailView::addRelation); });
    relateDelta->setObjectName(u"relateDeltaAction"_s);
    relateDelta->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
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
    QTableView *table = deltaList()->table();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addAction(commit);
    table->addAction(stateMenu->menuAction());
    table->addAction(record);
}

QList<QAction *> MainWindow::buildViewMenu()
{
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QList<QAction *> views;
    for (int i = 0; i < m_pages.size(); ++i) {
        const ViewPage::Entry entry = m_pages.at(i)->entry();
        QAction *action = viewMenu->addAction(entry.title, this, [this, i] {
            // Asking for a view leaves the welcome, as its Skip does.
            if (isWelcoming()) {
                m_welcomeSkipped = true;
                updateWelcome();
            }
            showView(View(i));
        });
        action->setShortcut(entry.shortcut);
        action->setToolTip(entry.toolTip);
        action->setCheckable(true);
        m_viewActions->addAction(action);
        views.append(action);
    }
    views.first()->setChecked(true);
    viewMenu->addSeparator();
    QAction *switchOrganisation = viewMenu->addAction(tr("Switch &Organisation"), this, [this] {
        m_organisations->setFocus(Qt::ShortcutFocusReason);
        m_organisations->showPopup();
    });
    switchOrganisation->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_savedViews->buildMenu(viewMenu);
    return views;
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentDatabases();
    for (const QString &location : recent) {
        m_recentMenu->addAction(shortName(location) + u"  —  "_s + location, this,
                                [this, location] { Q_EMIT openDatabaseRequested(location); });
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
    const bool empty = organisations->isEmpty() && m_deltasPage->model()->totalCount() == 0;
    m_demoAction->setEnabled(empty);
    boardView()->setOfferDemo(empty);
    boardView()->setNoOrganisation(organisations->isEmpty());
    reloadComponents();
    organisationChanged();
    updateWelcome();
}

bool MainWindow::isWelcoming() const
{
    return m_central->currentWidget() == m_welcome;
}

void MainWindow::updateWelcome()
{
    const bool welcome = m_organisations->count() == 0 && !m_welcomeSkipped
                         && m_deltasPage->model()->totalCount() == 0;
    if (welcome == isWelcoming())
        return;
    if (welcome) {
        m_welcome->clear();
        m_central->setCurrentWidget(m_welcome);
        m_welcome->setFocus();
    } else {
        m_central->setCurrentWidget(m_stack);
    }
}

NewCardDialog *MainWindow::newCard(qint64 columnId)
{
    return m_boardActions->newCard(columnId);
}

void MainWindow::archiveDoneCards()
{
    m_boardActions->archiveDoneCards();
}

void MainWindow::archiveSelectedCard()
{
    m_boardActions->archiveSelectedCard();
}

void MainWindow::deleteSelectedCard()
{
    m_boardActions->deleteSelectedCard();
}

ArchivedCardsDialog *MainWindow::openArchivedCards()
{
    return m_boardActions->openArchivedCards();
}

void MainWindow::setSwimlanes(Swimlanes mode)
{
    m_boardActions->setSwimlanes(mode);
}

WorkspaceSettingsDialog *MainWindow::openWorkspaceSettings()
{
    if (auto *open = findChild<WorkspaceSettingsDialog *>()) {
        open->setBoardOrganisation(organisationId());
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new WorkspaceSettingsDialog(m_workspace, organisationId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

qint64 MainWindow::organisationId() const
{
    return m_organisations->currentData().toLongLong();
}

QString MainWindow::organisationName() const
{
    return m_organisations->currentText();
}

QStringList MainWindow::organisationNames() const
{
    QStringList names;
    for (int i = 0; i < m_organisations->count(); ++i)
        names.append(m_organisations->itemText(i));
    return names;
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
    m_savedViews->reload();
    // Undo entries belong to the board they were made on: switching boards clears them. Not
    // when the organisation shown appeared or went away by an undoable step (the welcome, the
    // settings), which must stay undoable.
    if (m_shownOrganisation > 0 && id > 0 && id != m_shownOrganisation
        && m_organisations->findData(m_shownOrganisation) >= 0) {
        m_undoStack->clear();
    }
    m_shownOrganisation = id;
    if (id > 0)
        QSettings().setValue(u"organisation/last"_s, m_organisations->currentText());
    QList<std::pair<qint64, QString>> all;
    for (int i = 0; i < m_organisations->count(); ++i)
        all.append({m_organisations->itemData(i).toLongLong(), m_organisations->itemText(i)});
    for (ViewPage *page : std::as_const(m_pages))
        page->setOrganisation(id, m_organisations->currentText(), all);
    updateReadOnly();
    updateStatus();
}

void MainWindow::updateReadOnly()
{
    // On a team database a login that is not a member of this organisation reads its board and
    // priorities but cannot change them, and nobody changes anything while the connection is
    // gone: said before a drag would be refused.
    const qint64 id = organisationId();
    const bool offline = m_live->feed()->state() != ChangeFeed::State::Connected;
    const bool notMember = id > 0 && !m_db->rights().isMemberOf(id);
    m_readOnlyNote->setVisible(offline || notMember);
    boardView()->setReadOnly(offline || notMember);
    prioritiesView()->setReadOnly(offline || notMember);
    if (offline)
        m_readOnlyNote->setText(tr("Read-only until the connection is back"));
    else if (notMember)
        m_readOnlyNote->setText(tr("Read-only: only members of %1 change its board and "
                                   "priorities")
                                    .arg(m_organisations->currentText()));
}

qint64 MainWindow::commitSelected()
{
    return m_deltaActions->commitSelected();
}

qint64 MainWindow::newDelta(bool show)
{
    return m_deltaActions->newDelta(show);
}

void MainWindow::setSelectedState(DeltaState state)
{
    m_deltaActions->setSelectedState(state);
}

void MainWindow::markDuplicate()
{
    m_deltaActions->markDuplicate();
}

QList<qint64> MainWindow::selectedDeltas() const
{
    return currentPage()->selectedDeltas();
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
    if (!deltaList()->selectDelta(deltaId)) {
        clearSearch(); // a search may hide it
        QTimer::singleShot(200, this, [this, deltaId] { deltaList()->selectDelta(deltaId); });
    }
}

bool MainWindow::jumpToSearchedId()
{
    const auto searched = InputText::searchedId(m_search->text());
    if (!searched)
        return false;
    const qint64 id = *searched;
    auto toTask = [this, id] {
        if (!TaskStore(*m_db).get(id))
            return false;
        openTask(id);
        return true;
    };
    auto toDelta = [this, id] {
        if (!DeltaStore(*m_db).exists(id))
            return false;
        m_search->clear();
        openDelta(id);
        // A filter (kind, state, label) may hide it from the list: the detail shows it anyway.
        if (deltaList()->detail()->deltaId() != id)
            deltaList()->detail()->showDelta(id, organisationId());
        return true;
    };
    // On the board and the flow a number is first a card; elsewhere first a delta.
    const bool cardsFirst = currentView() == View::Board || currentView() == View::Flow;
    const bool found = cardsFirst ? toTask() || toDelta() : toDelta() || toTask();
    if (!found)
        statusBar()->showMessage(tr("There is no delta or task #%1.").arg(id), 6000);
    return found;
}

QString MainWindow::searchText() const
{
    return m_search->text();
}

void MainWindow::setSearchText(const QString &text)
{
    m_search->setText(text);
    currentPage()->search(text);
}

void MainWindow::clearSearch()
{
    m_search->clear();
    currentPage()->search({});
    deltaList()->setSearchText({});
}

void MainWindow::showView(View view)
{
    m_stack->setCurrentIndex(int(view));
    m_viewActions->actions().at(int(view))->setChecked(true);
    updateShownPage();
    // One search field for every page; where a page has no list, it still finds by #id.
    ViewPage *shown = page(view);
    const QString hint = shown->searchPlaceholder();
    m_search->setPlaceholderText(hint.isEmpty() ? tr("#id and Enter: open that delta or task")
                                                : hint);
    if (!hint.isEmpty())
        shown->search(m_search->text());
    shown->catchUp();
    updateStatus();
}

void MainWindow::updateShownPage()
{
    for (ViewPage *page : std::as_const(m_pages))
        page->setShown(page == currentPage() && isVisible());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    updateShownPage();
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_stack->currentIndex());
}

bool MainWindow::isReading() const
{
    return std::any_of(m_pages.cbegin(), m_pages.cend(),
                       [](const ViewPage *page) { return page->isReading(); });
}

void MainWindow::refreshView(View view)
{
    page(view)->refreshNow();
}

void MainWindow::updateStatus()
{
    m_counts->setText(currentPage()->status());
}

void MainWindow::showError(const QString &message)
{
    // The one place errors reach the user: never silently, never as a crash.
    if (m_contention->isGivenUp(message)) {
        statusBar()->showMessage(tr("The change was given up; nothing was written."), 10000);
        return;
    }
    // Errors quote what they refuse; a last guard keeps any of them to one line of sane length.
    const QString line = InputText::oneLine(message);
    statusBar()->showMessage(line, 10000);
    if (isVisible()) {
        QString sentence = line;
        if (!sentence.isEmpty())
            sentence[0] = sentence[0].toUpper();
        QMessageBox::warning(this, tr("Deltaboard"), sentence);
    }
}

void MainWindow::reloadComponents()
{
    const auto components = GroupStore(*m_db).components();
    if (!components)
        return showError(components.error());
    QList<std::pair<qint64, QString>> names;
    for (const Component &component : *components)
        names.append({component.id, component.name});
    deltaList()->setComponents(names);
    reloadLabels();
}

void MainWindow::reloadLabels()
{
    const auto labels = LabelStore(*m_db).list();
    if (!labels)
        return showError(labels.error());
    QList<std::pair<qint64, QString>> names;
    for (const Label &label : *labels)
        names.append({label.id, label.name});
    deltaList()->setLabels(names);
}

void MainWindow::reloadAll()
{
    m_undoStack->clear();
    m_deltasPage->reset();
    reloadOrganisations();
    for (ViewPage *page :
         {static_cast<ViewPage *>(m_prioritiesPage), static_cast<ViewPage *>(m_impactPage),
          static_cast<ViewPage *>(m_gapPage), static_cast<ViewPage *>(m_flowPage),
          static_cast<ViewPage *>(m_crashesPage)})
        page->markStale();
}

void MainWindow::catchUpWithOthers()
{
    m_db->forgetRights();
    m_deltasPage->reset();
    reloadOrganisations();
    for (ViewPage *page : std::as_const(m_pages))
        page->tasksChanged(organisationId());
    for (ViewPage *page :
         {static_cast<ViewPage *>(m_prioritiesPage), static_cast<ViewPage *>(m_impactPage),
          static_cast<ViewPage *>(m_gapPage), static_cast<ViewPage *>(m_flowPage),
          static_cast<ViewPage *>(m_crashesPage)})
        page->markStale();
    updateStatus();
}

void MainWindow::crashesIngested()
{
    m_deltasPage->reset();
    for (ViewPage *page :
         {static_cast<ViewPage *>(m_gapPage), static_cast<ViewPage *>(m_impactPage),
          static_cast<ViewPage *>(m_crashesPage)})
        page->markStale();
    showView(View::Crashes);
}

void MainWindow::chooseDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Database"), {},
                                                      tr("Deltaboard databases (*.sqlite);;"
                                                         "All files (*)"));
    if (!path.isEmpty())
        Q_EMIT openDatabaseRequested(path);
}

ShortcutsDialog *MainWindow::openShortcuts()
{
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

TeamDatabaseDialog *MainWindow::openTeamDatabase()
{
    // One dialog, kept: closing it while a test still connects must not wait for libpq.
    if (!m_teamDialog) {
        m_teamDialog = new TeamDatabaseDialog(this);
        connect(m_teamDialog, &TeamDatabaseDialog::connectRequested, this,
                &MainWindow::openDatabaseRequested);
    }
    m_teamDialog->setRecent(recentDatabases());
    m_teamDialog->open();
    m_teamDialog->raise();
    m_teamDialog->activateWindow();
    return m_teamDialog;
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    setOrganisation(settings.value(u"organisation/last"_s).toString());
    const int lanes = settings.value(u"board/swimlanes"_s, 0).toInt();
    if (lanes > int(Swimlanes::None) && lanes <= int(Swimlanes::Component))
        setSwimlanes(Swimlanes(lanes));
    const QString key = settings.value(u"window/view"_s).toString();
    const auto found = std::find_if(m_pages.cbegin(), m_pages.cend(), [&key](const ViewPage *page) {
        return page->entry().key == key;
    });
    showView(found != m_pages.cend() ? View(found - m_pages.cbegin()) : View::Board);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/view"_s, currentPage()->entry().key);
    QMainWindow::closeEvent(event);
}

void MainWindow::ingestCrashFiles(const QStringList &paths)
{
    m_transfers->ingestCrashFiles(paths);
}

ImportWizard *MainWindow::openImportWizard(const QStringList &paths)
{
    return m_transfers->openImportWizard(paths);
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
    m_transfers->dropped(paths);
}

} // namespace Deltaboard
