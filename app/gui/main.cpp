#include "archiveddialog.h"
#include "desktop.h"
#include "importwizard.h"
#include "mainwindow.h"
#include "manpage.h"
#include "teamdatabasedialog.h"
#include "workspacesettings.h"

#include "boardmodel.h"
#include "crashlistmodel.h"
#include "database.h"
#include "deltastore.h"
#include "groupstore.h"
#include "inputtext.h"
#include "location.h"
#include "paths.h"
#include "taskstore.h"
#include "views/crashview.h"
#include "views/deltaeditor.h"
#include "views/deltalistview.h"
#include "views/relationdialog.h"
#include "views/taskeditor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Deltaboard;

namespace {

// A delta of this kind worth showing: one the organisation has ranked, else any.
qint64 exampleDelta(MainWindow &window, DeltaKind kind)
{
    DeltaFilter filter;
    filter.kind = kind;
    filter.limit = 1;
    filter.organisationId = window.organisationId();
    auto rows = DeltaStore(window.database()).list(filter);
    if (!rows || rows->isEmpty()) {
        filter.organisationId.reset();
        rows = DeltaStore(window.database()).list(filter);
    }
    return rows && !rows->isEmpty() ? rows->first().id : 0;
}

bool grab(MainWindow &window, const QString &folder, const QString &file)
{
    // Let layouts settle, lazy models read what the view shows, and workers deliver.
    QApplication::processEvents();
    QDeadlineTimer deadline(60000);
    while (window.isReading() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    QApplication::processEvents();
    QApplication::processEvents();
    const QString path = QDir(folder).filePath(file);
    if (window.grab().save(path))
        return true;
    qCritical("deltaboard: cannot write %s", qPrintable(path));
    return false;
}

// The import wizard's preview of these exports (nothing is written).
bool saveImportScreenshot(MainWindow &window, const QString &folder, const QStringList &exports)
{
    ImportWizard *wizard = window.openImportWizard(exports);
    QApplication::processEvents();
    const QString filesPath = QDir(folder).filePath(u"import-wizard-files.png"_s);
    if (!wizard->grab().save(filesPath)) {
        qCritical("deltaboard: cannot write %s", qPrintable(filesPath));
        return false;
    }
    wizard->next();
    QDeadlineTimer deadline(60000);
    while ((!wizard->preview() && wizard->lastError().isEmpty()) && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    QApplication::processEvents();
    while (wizard->isRunning()) { // after the deadline: the import is still to end first
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    const QString path = QDir(folder).filePath(u"import-wizard.png"_s);
    const bool ok = wizard->preview() && wizard->grab().save(path);
    if (!ok) {
        qCritical("deltaboard: cannot write %s: %s", qPrintable(path),
                  qPrintable(wizard->lastError()));
    }
    wizard->close();
    return ok;
}

// Renders every view (the Deltas view with a crash and with a spec selected) to DIR.
bool saveWidget(QWidget *widget, const QString &folder, const QString &file)
{
    QApplication::processEvents();
    const QString path = QDir(folder).filePath(file);
    if (widget->grab().save(path))
        return true;
    qCritical("deltaboard: cannot write %s", qPrintable(path));
    return false;
}

bool saveScreenshots(MainWindow &window, const QString &folder)
{
    // An empty database opens on the welcome: that is its screenshot.
    if (window.isWelcoming())
        return grab(window, folder, u"welcome.png"_s);
    bool ok = true;
    // Workspace Settings, on the board's columns and on the user groups.
    WorkspaceSettingsDialog *settings = window.openWorkspaceSettings();
    settings->showTab(WorkspaceSettingsDialog::Tab::Board);
    ok = saveWidget(settings, folder, u"settings-board.png"_s) && ok;
    settings->showTab(WorkspaceSettingsDialog::Tab::Groups);
    ok = saveWidget(settings, folder, u"settings-groups.png"_s) && ok;
    settings->close();
    // The board's archived cards, when it has some.
    if (ArchivedCardsDialog *archived = window.openArchivedCards()) {
        if (archived->count() > 0)
            ok = saveWidget(archived, folder, u"archived.png"_s) && ok;
        archived->close();
    }
    window.showView(MainWindow::View::Board);
    ok = grab(window, folder, u"board.png"_s) && ok;
    // The same board in swimlanes: by assignee when its cards have assignees, else by priority.
    const auto assigned = TaskStore(window.database())
                              .laneKeys(window.boardModel()->organisationId(), Swimlanes::Assignee);
    const bool anyAssignee
        = assigned && std::any_of(assigned->cbegin(), assigned->cend(), [](const LaneKey &key) {
              return !key.label.isEmpty();
          });
    window.setSwimlanes(anyAssignee ? Swimlanes::Assignee : Swimlanes::Priority);
    ok = grab(window, folder, u"board-swimlanes.png"_s) && ok;
    window.setSwimlanes(Swimlanes::None);
    window.showView(MainWindow::View::Deltas);
    for (const auto &[kind, file] : {std::pair{DeltaKind::Crash, u"deltas-crash.png"_s},
                                     std::pair{DeltaKind::Spec, u"deltas-spec.png"_s}}) {
        window.deltaList()->selectDelta(exampleDelta(window, kind));
        ok = grab(window, folder, file) && ok;
    }
    // A defect in full: the one with the most comments (imports and the demo have some), then
    // its editor and the Relate dialog over it.
    const auto talked = window.database().scalar(
        u"SELECT c.delta_id FROM comments c JOIN deltas d ON d.id = c.delta_id WHERE d.kind = "
        u"'defect' GROUP BY c.delta_id ORDER BY count(*) DESC, c.delta_id LIMIT 1"_s);
    const qint64 defect = talked && talked->isValid() ? talked->toLongLong()
                                                      : exampleDelta(window, DeltaKind::Defect);
    if (defect) {
        window.setSearchText(u"#%1"_s.arg(defect));
        window.jumpToSearchedId();
        ok = grab(window, folder, u"deltas-defect.png"_s) && ok;
        const auto delta = DeltaStore(window.database()).get(defect);
        const auto components = GroupStore(window.database()).components();
        if (delta && components) {
            DeltaEditor editor(*components, *delta, &window);
            editor.show();
            ok = saveWidget(&editor, folder, u"delta-editor.png"_s) && ok;
            RelationDialog relate(window.database(), *delta, &window);
            relate.setType({RelationKind::Blocks, false});
            relate.show();
            relate.findChild<QLineEdit *>(u"relationSearch"_s)->setText(u"resume"_s);
            ok = saveWidget(&relate, folder, u"relate.png"_s) && ok;
        }
    }
    window.showView(MainWindow::View::Priorities);
    ok = grab(window, folder, u"priorities.png"_s) && ok;
    window.showView(MainWindow::View::Impact);
    ok = grab(window, folder, u"impact.png"_s) && ok;
    window.showView(MainWindow::View::Gap);
    ok = grab(window, folder, u"gap.png"_s) && ok;
    window.showView(MainWindow::View::Flow);
    ok = grab(window, folder, u"flow.png"_s) && ok;
    // Crashes, on a regressed crash delta when there is one (the flag is the story).
    window.showView(MainWindow::View::Crashes);
    CrashListModel *crashes = window.crashList();
    for (int row = 0; row < std::min(crashes->rowCount(), 400); ++row) {
        if (crashes->index(row, 0).data(CrashListModel::RegressedRole).toBool()) {
            window.crashView()->selectDelta(crashes->deltaAt(row));
            break;
        }
    }
    ok = grab(window, folder, u"crashes.png"_s) && ok;
    // The task editor on a finished card, which has fix records to show.
    window.showView(MainWindow::View::Board);
    const QList<BoardColumnModel *> columns = window.boardModel()->columns();
    BoardColumnModel *done = columns.isEmpty() ? nullptr : columns.last();
    if (done && done->rowCount() > 0) {
        TaskEditor *editor = window.openTask(done->taskAt(0));
        ok = saveWidget(editor, folder, u"task-editor.png"_s) && ok;
        editor->close();
    }
    return ok;
}

// File › Connect to Team Database…: on a team database, filled with it and tested for real;
// on a file, filled with an example server (nothing to connect to).
bool saveTeamDatabaseScreenshot(MainWindow &window, const QString &folder)
{
    TeamDatabaseDialog *dialog = window.openTeamDatabase();
    if (window.database().isPostgres()) {
        dialog->setUrl(window.database().path());
        dialog->testConnection();
        QDeadlineTimer deadline(30000);
        while (dialog->isTesting() && !deadline.hasExpired()) {
            QApplication::processEvents(QEventLoop::AllEvents, 50);
            QThread::msleep(5);
        }
    } else {
        dialog->setUrl(u"postgresql://ana@db.example.org/deltaboard"_s);
    }
    dialog->adjustSize();
    const bool ok = saveWidget(dialog, folder, u"team-database.png"_s);
    dialog->close();
    return ok;
}

// The app's command line, for the parser and the man page alike. 'defaultDatabase' is the
// path --help names (the man page names it the way every user's is).
struct Options
{
    explicit Options(const QString &defaultDatabase);
    QCommandLineOption db;
    QCommandLineOption org;
    QCommandLineOption screenshot;
    QCommandLineOption import;
    QCommandLineOption firstPaint;
    QList<QCommandLineOption> shown() const { return {db, org, screenshot, import}; }
};

// The descriptions are in the user's language in --help (the man page is made with no
// translation loaded, in English).
Options::Options(const QString &defaultDatabase)
    : db(u"db"_s,
         QCoreApplication::translate(
             "main", "The database to open: a file, or a team database's PostgreSQL URL "
                     "(postgresql://user@host:5432/deltaboard; passwords come from ~/.pgpass, "
                     "PGPASSWORD or PGSERVICE, never the URL). Default: the last one, or %1.")
             .arg(defaultDatabase),
         u"PATH|URL"_s)
    , org(u"org"_s, QCoreApplication::translate("main", "Show this organisation's view."), u"ORG"_s)
    , screenshot(u"screenshot"_s,
                 QCoreApplication::translate(
                     "main",
                     "Render each view (1440x900: the Board, the Deltas view with a crash and with "
                     "a spec selected, Priorities, Impact, Gap, Flow, Crashes), the task editor "
                     "and the Connect to Team Database dialog to PNG files in DIR, then exit."),
                 u"DIR"_s)
    , import(u"import"_s,
             QCoreApplication::translate(
                 "main", "Open the import wizard with this export (repeat for files that belong "
                         "together); with --screenshot, also render the wizard's preview of them "
                         "to import-wizard.png."),
             u"FILE"_s)
    // For deltaboard-bench: print "first-paint" once the window's first frame is painted, exit.
    , firstPaint(u"report-first-paint"_s, u"For benchmarks."_s)
{
    firstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
}

const char *const kDescription
    = QT_TRANSLATE_NOOP("main", "Deltaboard: reports apart from commitments.");

// deltaboard(1), from the options --help shows.
QString manPage()
{
    ManPage page(u"deltaboard"_s, u"a work tracker that keeps reports apart from commitments"_s);
    page.synopsis({u"deltaboard [--db PATH|URL] [--org ORG] [DATABASE]"_s,
                   u"deltaboard --import FILE [--import FILE...]"_s,
                   u"deltaboard --screenshot DIR [--db PATH|URL] [--org ORG]"_s});
    page.section(u"Description"_s);
    page.paragraph(
        u"Deltaboard is a desktop work tracker. Delta records (defects, crash reports grouped by "
        u"signature, specs) describe a gap between what someone desires and what the code does; "
        u"tasks are one organisation's commitment to do work, the cards on its Kanban board. "
        u"Priority belongs to an organisation, impact to a user group.\n\n"
        u"A database is a file (SQLite), or a team database on a PostgreSQL server that several "
        u"organisations share, each in charge of its own priorities and board. An empty database "
        u"opens on a welcome that sets up a workspace, fills in a demo, or imports from another "
        u"tracker (GitHub, Jira, Launchpad, Bugzilla, Trac, Redmine, Trello, CSV).\n\n"
        u"Help > Keyboard Shortcuts lists the keys; everything the app does is also in "
        u"deltaboard-cli(1)."_s);
    page.section(u"Arguments"_s);
    page.item(u"DATABASE"_s, u"The database to open, as with --db (what a file manager passes)."_s);
    page.section(u"Options"_s);
    for (const QCommandLineOption &option :
         Options(u"~/.local/share/deltaboard/deltaboard.sqlite"_s).shown())
        page.option(option);
    page.item(u"-h, --help"_s, u"Show the options."_s);
    page.item(u"-v, --version"_s, u"Show the version."_s);
    page.section(u"Environment"_s);
    page.item(u"LANGUAGE, LC_ALL, LC_MESSAGES, LANG"_s,
              u"The language of the app (English and German) and the locale of its dates and "
              u"numbers."_s);
    page.databaseEnvironment();
    page.section(u"Files"_s);
    page.defaultDatabaseFile();
    page.item(u"~/.config/Deltaboard/deltaboard.conf"_s,
              u"Settings: the last and recent databases, the organisation shown, window layout."_s);
    page.section(u"See also"_s);
    page.paragraph(u"deltaboard-cli(1)"_s);
    return page.text();
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 2 && qstrcmp(argv[1], "--man-page") == 0) {
        // For the build: no display is needed to print the man page.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationVersion(QStringLiteral(DELTABOARD_VERSION));
        std::fputs(manPage().toUtf8().constData(), stdout);
        return 0;
    }
    QApplication app(argc, argv);
    Deltaboard::Database::quietDriverNoise();
    QApplication::setApplicationName(u"deltaboard"_s);
    // Settings live under the product's name (~/.config/Deltaboard/deltaboard.conf).
    QApplication::setOrganizationName(u"Deltaboard"_s);
    QApplication::setApplicationDisplayName(u"Deltaboard"_s);
    QApplication::setApplicationVersion(QStringLiteral(DELTABOARD_VERSION));
    // The desktop file's name, so a Wayland compositor matches the window with its icon.
    QGuiApplication::setDesktopFileName(u"deltaboard"_s);
    QApplication::setWindowIcon(Desktop::appIcon());
    Desktop::useLanguage(app, Desktop::preferredLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", kDescription));
    parser.addHelpOption();
    parser.addVersionOption();
    const Options options(Paths::defaultDatabase());
    const QCommandLineOption &dbOption = options.db;
    const QCommandLineOption &orgOption = options.org;
    const QCommandLineOption &screenshotOption = options.screenshot;
    const QCommandLineOption &importOption = options.import;
    const QCommandLineOption &firstPaintOption = options.firstPaint;
    parser.addOptions(options.shown());
    parser.addOption(firstPaintOption);
    parser.addPositionalArgument(
        u"database"_s,
        QCoreApplication::translate("main", "The database to open, as with --db (optional)."),
        u"[DATABASE]"_s);
    parser.process(app);
    if (parser.positionalArguments().size() > 1
        || (parser.positionalArguments().size() == 1 && parser.isSet(dbOption))) {
        std::fputs("deltaboard: expected one database, as --db PATH or as the argument\n", stderr);
        return 2;
    }
    const bool screenshots = parser.isSet(screenshotOption);

    QString path
        = parser.isSet(dbOption) ? parser.value(dbOption) : parser.positionalArguments().value(0);
    if (path.isEmpty() && !screenshots)
        path = QSettings().value(u"database/last"_s).toString();
    // A remembered file that is gone is not made again; a URL is tried (it is no file to ask).
    const bool remembered
        = !parser.isSet(dbOption) && parser.positionalArguments().isEmpty() && !path.isEmpty();
    if (path.isEmpty() || (remembered && !Location::isUrl(path) && !QFileInfo::exists(path)))
        path = Paths::defaultDatabase();

    auto db = Database::open(path);
    if (!db && remembered && Location::isUrl(path)) {
        // The last team database cannot be reached (the server is down, the network is away):
        // say so, and open the default file rather than leave the user with no window.
        QMessageBox::warning(nullptr, u"Deltaboard"_s,
                             QApplication::translate("main", "%1 Opening %2 instead.")
                                 .arg(InputText::oneLine(db.error()), Paths::defaultDatabase()));
        db = Database::open(Paths::defaultDatabase());
    }
    if (!db) {
        if (screenshots) {
            qCritical("deltaboard: %s", qPrintable(db.error()));
            return 1;
        }
        QMessageBox::critical(nullptr, u"Deltaboard"_s, db.error());
        return 1;
    }

    if (screenshots) {
        // Screenshots never touch the user's settings (the last database, the recent list):
        // the window keeps its settings in a folder that goes with the process.
        static QTemporaryDir settingsDir;
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
        MainWindow window(std::move(db).value());
        window.resize(1440, 900);
        if (parser.isSet(orgOption) && !window.setOrganisation(parser.value(orgOption))) {
            qCritical("deltaboard: unknown organisation '%s'", qPrintable(parser.value(orgOption)));
            return 1;
        }
        const QString folder = parser.value(screenshotOption);
        if (!QDir().mkpath(folder)) {
            qCritical("deltaboard: cannot create %s", qPrintable(folder));
            return 1;
        }
        window.show();
        bool ok = saveScreenshots(window, folder);
        ok = saveTeamDatabaseScreenshot(window, folder) && ok;
        if (parser.isSet(importOption))
            ok = saveImportScreenshot(window, folder, parser.values(importOption)) && ok;
        return ok ? 0 : 1;
    }

    // One window per open database; opening another replaces it once the new one is open.
    QPointer<MainWindow> current;
    std::function<void(std::unique_ptr<Database>)> show;
    show = [&](std::unique_ptr<Database> opened) {
        auto *window = new MainWindow(std::move(opened));
        window->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(window, &MainWindow::openDatabaseRequested, window,
                         [&, window](const QString &next) {
                             // A server may take up to libpq's connect_timeout to answer.
                             QApplication::setOverrideCursor(Qt::WaitCursor);
                             auto nextDb = Database::open(next);
                             QApplication::restoreOverrideCursor();
                             if (!nextDb) {
                                 QMessageBox::warning(window, u"Deltaboard"_s,
                                                      InputText::oneLine(nextDb.error()));
                                 return;
                             }
                             const QByteArray geometry = window->saveGeometry();
                             window->close();
                             show(std::move(nextDb).value());
                             current->restoreGeometry(geometry);
                         });
        current = window;
        window->show();
    };
    show(std::move(db).value());
    if (parser.isSet(orgOption) && current)
        current->setOrganisation(parser.value(orgOption));
    if (parser.isSet(importOption) && current)
        current->openImportWizard(parser.values(importOption));
    if (parser.isSet(firstPaintOption)) {
        // The paint that show() requested is a posted event; a zero timer fires after posted
        // events are delivered, so by then the first frame has been painted.
        QTimer::singleShot(0, current, [] {
            std::fputs("first-paint\n", stdout);
            std::fflush(stdout);
            QApplication::exit(0);
        });
    }
    return QApplication::exec();
}
