// Over 600 lines: every figure of docs/PERFORMANCE.md is timed here, one function each.
// deltaboard-bench: builds the benchmark database and prints one JSON object per line,
// {"figure": NAME, "value": X, "unit": U}. Not a test: figures go to docs/PERFORMANCE.md.

#include "app/gui/mainwindow.h"
#include "boardmodel.h"
#include "boardstore.h"
#include "clients.h"
#include "commentstore.h"
#include "crashparser.h"
#include "crashsignature.h"
#include "crashstore.h"
#include "database.h"
#include "deltastore.h"
#include "deltatablemodel.h"
#include "demogenerator.h"
#include "flowreports.h"
#include "history.h"
#include "impactmatrixmodel.h"
#include "jsondump.h"
#include "organisationstore.h"
#include "priorityrankingmodel.h"
#include "reports.h"
#include "taskstore.h"
#include "trackerimport.h"
#include "triagereports.h"
#include "views/boardcolumnview.h"
#include "views/boardview.h"
#include "views/deltadetailview.h"
#include "views/deltalistview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Deltaboard;

namespace {

// Which database the figures are of: "sqlite" or "postgresql" (--db/--existing given a URL).
QString s_backend = u"sqlite"_s;

void figure(const QString &name, double value, const QString &unit)
{
    const QJsonObject object{
        {u"figure"_s, name}, {u"value"_s, value}, {u"unit"_s, unit}, {u"backend"_s, s_backend}};
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Median of 'runs' timings of 'work', in milliseconds. A failing run aborts the benchmark: a
// figure for work that did not happen would be a lie.
double medianMs(int runs, const std::function<bool()> &work)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!work()) {
            std::fputs("deltaboard-bench: a measured operation failed\n", stderr);
            std::exit(1);
        }
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

int fail(const QString &message)
{
    std::fprintf(stderr, "deltaboard-bench: %s\n", qPrintable(message));
    return 1;
}

// Median time of 'work', then the posted events it caused (layouts, shows), then a synchronous
// repaint of 'widget': what a user waits for before seeing the result.
double medianRepaintMs(int runs, QWidget *widget, const std::function<bool()> &work)
{
    return medianMs(runs, [&] {
        if (!work())
            return false;
        QApplication::processEvents();
        if (!widget->isVisible()) {
            std::fputs("deltaboard-bench: the measured widget is not visible\n", stderr);
            return false;
        }
        widget->repaint();
        return true;
    });
}

// The desktop app's budgets (issue 3), on the offscreen platform. The window is the real one.
int measureGui(const QString &path, const QString &settingsFolder, int runs)
{
    // The real executable, from process start to its first painted frame.
    const QString app = QCoreApplication::applicationDirPath() + u"/deltaboard"_s;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, settingsFolder); // not the user's settings
    // From process start to the first painted frame, in this environment.
    auto firstPaint = [&](const QProcessEnvironment &runEnvironment) {
        return medianMs(std::min(runs, 7), [&] {
            QProcess process;
            process.setProcessEnvironment(runEnvironment);
            process.start(app, {u"--db"_s, path, u"--report-first-paint"_s});
            return process.waitForFinished(30000)
                   && process.readAllStandardOutput().contains("first-paint");
        });
    };
    figure(u"window_first_paint_median"_s, firstPaint(environment), u"ms"_s);
    // The same in German: the translation's cost at start (loading deltaboard_de.qm and Qt's).
    QProcessEnvironment german = environment;
    german.insert(u"LANGUAGE"_s, u"de"_s);
    german.insert(u"LANG"_s, u"de_DE.UTF-8"_s);
    german.remove(u"LC_ALL"_s);
    figure(u"window_first_paint_german_median"_s, firstPaint(german), u"ms"_s);

    auto opened = Database::open(path);
    if (!opened)
        return fail(opened.error());
    MainWindow window(std::move(opened).value());
    window.resize(1440, 900);
    window.show();
    QApplication::processEvents();
    BoardModel *board = window.boardModel();
    const auto organisations = OrganisationStore(window.database()).list();
    const qint64 biggest = organisations->first().id;
    const qint64 other = organisations->at(1).id;

    // The big board: load its 10,000 cards and paint what is visible.
    window.showView(MainWindow::View::Board);
    QWidget *boardWidget = window.boardView();
    figure(u"board_paint_median"_s,
           medianRepaintMs(runs, boardWidget,
                           [&] { return board->load(biggest).ok() && board->cardCount() > 0; }),
           u"ms"_s);
    figure(u"board_paint_cards"_s, board->cardCount(), u"cards"_s);

    // Swimlanes (issue 12). The generated tasks have no assignees: twelve people share them,
    // round robin by id, so the lanes by assignee are a team's.
    {
        Database &benchDb = window.database();
        Transaction assigning(benchDb);
        for (int person = 0; person < 12; ++person) {
            const auto assigned = benchDb.run(
                u"UPDATE tasks SET assignee = ? WHERE id % 12 = ? AND assignee IS NULL"_s,
                {u"Person %1"_s.arg(person + 1), person});
            if (!assigned)
                return fail(assigned.error());
        }
        if (const Status committed = assigning.commit(); !committed)
            return fail(committed.error());
    }
    if (const Status lanes = board->setSwimlanes(Swimlanes::Assignee); !lanes)
        return fail(lanes.error());
    figure(u"board_swimlanes_assignee_paint_median"_s,
           medianRepaintMs(runs, boardWidget,
                           [&] { return board->load(biggest).ok() && board->lanes().size() > 1; }),
           u"ms"_s);
    figure(u"board_swimlanes_lanes"_s, double(board->lanes().size()), u"lanes"_s);
    bool byPriority = true;
    figure(u"swimlane_switch_median"_s,
           medianRepaintMs(runs, boardWidget,
                           [&] {
                               const Swimlanes mode
                                   = byPriority ? Swimlanes::Priority : Swimlanes::Assignee;
                               byPriority = !byPriority;
                               return board->setSwimlanes(mode).ok();
                           }),
           u"ms"_s);
    if (const Status lanes = board->setSwimlanes(Swimlanes::None); !lanes)
        return fail(lanes.error());

    // The board filtered (what the search field does), repainted.
    bool firstWord = true;
    figure(u"board_filter_paint_median"_s,
           medianRepaintMs(runs, boardWidget,
                           [&] {
                               board->setFilter(firstWord ? u"crash"_s : u"freeze"_s);
                               firstWord = !firstWord;
                               return board->shownCount() < board->cardCount();
                           }),
           u"ms"_s);
    board->setFilter({});

    // Archiving up to 5,000 done cards of the big board in one transaction, and restoring them.
    {
        QList<qint64> done;
        const auto cards = TaskStore(window.database()).list(biggest);
        if (!cards)
            return fail(cards.error());
        for (const Task &task : *cards) {
            if (!task.doneAt.isEmpty() && done.size() < 5000)
                done.append(task.id);
        }
        BoardStore boards(window.database());
        figure(u"archive_done_cards"_s, double(done.size()), u"cards"_s);
        figure(u"archive_done_cards_ms"_s, medianMs(1, [&] { return boards.archive(done).ok(); }),
               u"ms"_s);
        figure(u"restore_archived_cards_ms"_s,
               medianMs(1, [&] { return boards.restore(done).ok(); }), u"ms"_s);
    }

    // Scrolling the fullest column by a page.
    BoardColumnView *fullest = nullptr;
    for (BoardColumnView *column : window.boardView()->columnViews()) {
        if (!fullest || column->model()->cardCount() > fullest->model()->cardCount())
            fullest = column;
    }
    QScrollBar *bar = fullest->list()->verticalScrollBar();
    figure(u"board_column_scroll_repaint_median"_s,
           medianRepaintMs(runs * 2, fullest->list()->viewport(),
                           [&] {
                               bar->setValue(bar->value() + bar->pageStep() > bar->maximum()
                                                 ? 0
                                                 : bar->value() + bar->pageStep());
                               return true;
                           }),
           u"ms"_s);

    // A card moved to another column, persisted with history (what a drop does).
    BoardColumnModel *from = board->columns().at(0);
    BoardColumnModel *to = board->columns().at(1);
    bool forth = true;
    figure(
        u"card_move_persist_median"_s,
        medianMs(runs,
                 [&] {
                     BoardColumnModel *source = forth ? from : to;
                     BoardColumnModel *target = forth ? to : from;
                     forth = !forth;
                     const qint64 task = source->taskAt(0);
                     return task && board->moveCard(task, {target->column().id, std::nullopt}).ok();
                 }),
        u"ms"_s);

    // Switching organisation and back, with the board repainted.
    bool toOther = true;
    figure(u"switch_organisation_median"_s,
           medianRepaintMs(runs, &window,
                           [&] {
                               const QString name = organisations->at(toOther ? 1 : 0).name;
                               toOther = !toOther;
                               return window.setOrganisation(name);
                           }),
           u"ms"_s);
    (void)other;

    // The Deltas view: opening it (the ids of 100,000 deltas, the first rows painted), a page
    // of scrolling, and search as you type.
    window.setOrganisation(organisations->first().name);
    window.showView(MainWindow::View::Board);
    QTableView *table = window.deltaList()->table();
    auto *model = static_cast<DeltaTableModel *>(table->model());
    figure(u"deltas_view_open_median"_s,
           medianRepaintMs(runs, &window,
                           [&] {
                               window.showView(MainWindow::View::Deltas);
                               model->refresh();
                               const bool ok = model->rowCount() > 0;
                               return ok;
                           }),
           u"ms"_s);
    QScrollBar *tableBar = table->verticalScrollBar();
    figure(u"deltas_scroll_repaint_median"_s,
           medianRepaintMs(runs * 2, table->viewport(),
                           [&] {
                               tableBar->setValue(tableBar->value() + tableBar->pageStep());
                               return true;
                           }),
           u"ms"_s);
    // Sorting by each column in SQL: the ids in the new order, then the first rows painted.
    for (const auto &[column, name] :
         {std::pair{int(DeltaTableModel::TitleColumn), u"title"_s},
          std::pair{int(DeltaTableModel::ComponentColumn), u"component"_s},
          std::pair{int(DeltaTableModel::StateColumn), u"state"_s},
          std::pair{int(DeltaTableModel::PriorityColumn), u"priority"_s},
          std::pair{int(DeltaTableModel::ImpactColumn), u"impact"_s},
          std::pair{int(DeltaTableModel::CommittedColumn), u"orgs"_s}}) {
        bool descending = false;
        figure(u"deltas_sort_"_s + name + u"_median"_s,
               medianRepaintMs(runs, table->viewport(),
                               [&] {
                                   descending = !descending;
                                   table->horizontalHeader()->setSortIndicator(
                                       column,
                                       descending ? Qt::DescendingOrder : Qt::AscendingOrder);
                                   return model->rowCount() > 0 && model->lastError().isEmpty();
                               }),
               u"ms"_s);
    }
    table->horizontalHeader()->setSortIndicator(DeltaTableModel::IdColumn, Qt::AscendingOrder);
    // "#id" and Enter: to that delta, its detail painted.
    qint64 jumpTo = 1;
    auto *detail = window.deltaList()->detail();
    figure(u"id_jump_median"_s,
           medianRepaintMs(runs, &window,
                           [&] {
                               jumpTo = jumpTo * 7919 % 99991 + 1;
                               window.setSearchText(u"#%1"_s.arg(jumpTo));
                               return window.jumpToSearchedId() && detail->deltaId() == jumpTo;
                           }),
           u"ms"_s);
    // A delta with 500 comments and 1,000 history rows: opening it reads and shows a page.
    {
        Database &db = window.database();
        Delta busy;
        busy.title = u"A delta everyone talks about"_s;
        const qint64 busyId = DeltaStore(db).create(busy).value();
        {
            Transaction transaction(db);
            for (int i = 0; i < 500; ++i) {
                Comment comment;
                comment.deltaId = busyId;
                comment.body = u"Comment %1: still happens here, with logs attached."_s.arg(i);
                comment.author = u"user%1"_s.arg(i % 17);
                (void)CommentStore(db).add(comment); // adds a history row too
            }
            for (int i = 0; i < 500; ++i)
                (void)History(db).record(u"delta"_s, busyId, u"title"_s, u"a"_s, u"b"_s);
            (void)transaction.commit();
        }
        window.showView(MainWindow::View::Deltas);
        bool flip = false;
        figure(u"open_busy_delta_median"_s,
               medianRepaintMs(runs, detail,
                               [&] {
                                   flip = !flip;
                                   detail->showDelta(flip ? busyId : 1, 0);
                                   return detail->deltaId() > 0;
                               }),
               u"ms"_s);
    }
    const QStringList typed
        = {u"r"_s,     u"re"_s,      u"rep"_s,     u"repro"_s, u"reproducible"_s,
           u"crash"_s, u"suspend"_s, u"zanzibar"_s};
    int next = 0;
    figure(u"search_as_you_type_median"_s,
           medianRepaintMs(runs, table->viewport(),
                           [&] {
                               DeltaFilter filter = model->filter();
                               filter.search = typed.at(next++ % typed.size());
                               model->setFilter(filter);
                               return model->lastError().isEmpty();
                           }),
           u"ms"_s);

    // The cross-organisation views (issue 6): each one's first paint, as showing it after a
    // change does (its models read again, the window repainted). Reads that run on a worker
    // (coverage, the gap's size, the flow) are timed apart, until their result is painted.
    const auto waitForWorkers = [&window] {
        QElapsedTimer waited;
        waited.start();
        while (window.isReading() && waited.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        // Outside exec() deleteLater() waits for ever; the finished workers go now, as they
        // would in the app's event loop.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return !window.isReading();
    };
    const struct
    {
        MainWindow::View view;
        QString name;
    } views[] = {{MainWindow::View::Priorities, u"priorities"_s},
                 {MainWindow::View::Impact, u"impact"_s},
                 {MainWindow::View::Gap, u"gap"_s},
                 {MainWindow::View::Flow, u"flow"_s},
                 {MainWindow::View::Crashes, u"crashes"_s}};
    for (const auto &entry : views) {
        window.showView(entry.view);
        if (!waitForWorkers())
            return fail(u"the %1 view's worker did not finish"_s.arg(entry.name));
        figure(entry.name + u"_view_first_paint_median"_s,
               medianRepaintMs(runs, &window,
                               [&] {
                                   window.refreshView(entry.view);
                                   return true;
                               }),
               u"ms"_s);
        if (!waitForWorkers())
            return fail(u"the %1 view's worker did not finish"_s.arg(entry.name));
        if (entry.view == MainWindow::View::Priorities || entry.view == MainWindow::View::Crashes)
            continue; // nothing read on a worker
        figure(entry.name + u"_view_complete_median"_s,
               medianRepaintMs(std::min(runs, 7), &window,
                               [&] {
                                   window.refreshView(entry.view);
                                   return waitForWorkers();
                               }),
               u"ms"_s);
    }
    figure(u"priorities_view_rows"_s, window.priorityRanking()->rowCount(), u"rows"_s);
    figure(u"impact_view_rows"_s, window.impactMatrix()->rowCount(), u"rows"_s);
    return 0;
}

// Gdb texts like the ones users paste: 'distinct' crash sites, each a few frames deep.
QList<CrashText> syntheticCrashTexts(int count, int distinct)
{
    QList<CrashText> texts;
    texts.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int site = i % distinct;
        QString text = u"Application: bench-app (2.%1)\nPlatform: linux-x86_64\n\n"
                       u"Thread 1 (Thread 0x7f3a2b1c (LWP %2)):\n"_s.arg(i % 7)
                           .arg(1000 + i);
        const QStringList frames
            = {u"__pthread_kill_implementation (no_tid=0, signo=6) at ./nptl/pthread_kill.c:44"_s,
               u"raise () from /lib/x86_64-linux-gnu/libc.so.6"_s,
               u"abort () from /lib/x86_64-linux-gnu/libc.so.6"_s,
               u"bench::Site%1::crash (this=0x55d4c1a2e0f0) at src/site%1.cpp:%2"_s.arg(site).arg(
                   40 + i % 300),
               u"bench::Caller%1::run (this=0x55d4c1a31c80) at src/caller.cpp:77"_s.arg(site % 97),
               u"QObject::event(QEvent*) () from /lib/x86_64-linux-gnu/libQt6Core.so.6"_s,
               u"main (argc=1, argv=0x7ffd3a2b2158) at src/main.cpp:57"_s};
        for (int f = 0; f < frames.size(); ++f)
            text += u"#%1  0x00007f%2 in %3\n"_s.arg(f)
                        .arg(0x100000 + i * 16 + f, 8, 16, QChar(u'0'))
                        .arg(frames.at(f));
        texts.append({u"bench-%1.txt"_s.arg(i), text});
    }
    return texts;
}

int measureCrashes(Database &db, int runs)
{
    // Signature computation alone: the crashing threads of every shared sample, as parsed.
    QList<QList<CrashFrame>> stacks;
    const QString samples = QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/crashes"_s;
    QDirIterator it(samples, {u"*.txt"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(u"/_reference/"_s))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const auto crash = CrashParser::parse(QString::fromUtf8(file.readAll()), path);
        if (crash && crash->crashing())
            stacks.append(crash->crashing()->frames);
    }
    for (const CrashText &text : syntheticCrashTexts(64, 64)) {
        const auto crash = CrashParser::parse(text.text, text.origin);
        if (crash)
            stacks.append(crash->crashing()->frames);
    }
    if (stacks.size() < 20)
        return fail(u"the crash samples were not found under %1"_s.arg(samples));
    constexpr int kSignatures = 50000;
    qsizetype frames = 0;
    const double signMs = medianMs(std::max(3, runs / 4), [&] {
        qsizetype length = 0;
        for (int i = 0; i < kSignatures; ++i)
            length += Signatures::generate(stacks.at(i % stacks.size())).text.size();
        frames = length;
        return length > 0;
    });
    figure(u"crash_signature_rate"_s, kSignatures / (signMs / 1000.0), u"frame-lists/s"_s);

    // Ingest: 5,000 texts over 500 signatures in one run (one transaction), parsing and signing
    // included, into the benchmark database with its demo reports.
    auto existing = db.scalar(u"SELECT count(*) FROM crash_reports"_s);
    if (!existing)
        return fail(existing.error());
    // The budget speaks of a database already holding 100,000 reports: top the demo's up with
    // reports of other crash sites first (not timed).
    if (const int missing = 100000 - existing->toInt(); missing > 0) {
        QList<CrashText> filler = syntheticCrashTexts(missing, 5000);
        for (CrashText &text : filler)
            text.text.replace(u"bench::Site"_s, u"bench::Earlier"_s);
        if (const auto topped = CrashStore(db).ingest(filler); !topped)
            return fail(topped.error());
        existing = db.scalar(u"SELECT count(*) FROM crash_reports"_s);
    }
    figure(u"crash_reports_before_ingest"_s, existing->toDouble(), u"reports"_s);
    constexpr int kTexts = 5000;
    const QList<CrashText> texts = syntheticCrashTexts(kTexts, 500);
    QElapsedTimer timer;
    timer.start();
    const auto ingested = CrashStore(db).ingest(texts);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!ingested || ingested->reports != kTexts)
        return fail(ingested ? u"ingest stored too few reports"_s : ingested.error());
    figure(u"crash_ingest_rate"_s, kTexts / seconds, u"texts/s"_s);
    // A second batch: every signature known now, so only reports are added.
    timer.restart();
    const auto again = CrashStore(db).ingest(texts);
    const double againSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!again || again->newDeltas != 0)
        return fail(again ? u"known signatures made new deltas"_s : again.error());
    figure(u"crash_ingest_known_rate"_s, kTexts / againSeconds, u"texts/s"_s);
    figure(u"crash_list_median"_s,
           medianMs(std::max(3, runs / 4), [&] { return CrashStore(db).summaries().ok(); }),
           u"ms"_s);
    return 0;
}

// GitHub issues as the REST API lists them, with realistic bodies and labels.
void writeGithubIssues(const QString &path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write("[\n");
    const QString body = u"### Steps to reproduce\n\n1. Open the settings page\n2. Change the "
                         u"theme while a sync is running\n3. Watch the window\n\n### What "
                         u"happens\n\nThe window flickers and the sync stops with an error "
                         u"dialog. Logs attached.\n\n### Expected\n\nThe theme changes; the "
                         u"sync goes on.\n"_s;
    for (int i = 1; i <= count; ++i) {
        const QJsonObject issue{
            {u"url"_s, u"https://api.github.com/repos/bench/app/issues/%1"_s.arg(i)},
            {u"html_url"_s, u"https://github.com/bench/app/issues/%1"_s.arg(i)},
            {u"id"_s, 1000000 + i},
            {u"number"_s, i},
            {u"title"_s, u"Window flickers when the theme changes during sync (%1)"_s.arg(i)},
            {u"user"_s, QJsonObject{{u"login"_s, u"user%1"_s.arg(i % 500)}}},
            {u"labels"_s, QJsonArray{QJsonObject{{u"name"_s, u"bug"_s}},
                                     QJsonObject{{u"name"_s, u"area/sync"_s}}}},
            {u"state"_s, i % 3 == 0 ? u"closed"_s : u"open"_s},
            {u"comments"_s, i % 7},
            {u"created_at"_s, u"2025-0%1-1%2T10:00:00Z"_s.arg(1 + i % 9).arg(i % 10)},
            {u"updated_at"_s, u"2025-10-10T10:00:00Z"_s},
            {u"body"_s, body + QString::number(i)}};
        file.write(QJsonDocument(issue).toJson(QJsonDocument::Compact));
        file.write(i == count ? "\n" : ",\n");
    }
    file.write("]\n");
}

// Issue 4's budget: importing a 100,000-issue GitHub file, then the same file again.
int measureImport(const QString &folder, const QString &target)
{
    const QString json = folder + u"/github-100k.json"_s;
    writeGithubIssues(json, 100000);
    figure(u"import_github_file_size"_s, double(QFileInfo(json).size()) / (1024.0 * 1024.0),
           u"MB"_s);
    // A new file, or the (empty) PostgreSQL database --db names.
    const QString path = target.isEmpty() ? folder + u"/import.sqlite"_s : target;
    auto opened = Database::open(path);
    if (!opened)
        return fail(opened.error());
    QElapsedTimer timer;
    timer.start();
    const auto first = TrackerImport(**opened).importFiles({json});
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!first || first->created != 100000)
        return fail(first ? u"the import created %1 deltas"_s.arg(first->created) : first.error());
    figure(u"import_github_rate"_s, 100000 / seconds, u"issues/s"_s);
    figure(u"import_github_peak_rss"_s, peakRssMb(), u"MB"_s);
    timer.restart();
    const auto again = TrackerImport(**opened).importFiles({json});
    const double againSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!again || again->unchanged != 100000)
        return fail(again ? u"the re-import changed records"_s : again.error());
    figure(u"import_github_unchanged_rate"_s, 100000 / againSeconds, u"issues/s"_s);
    return 0;
}

// What 'deltaboard-cli copy' does, timed: the export of 'from' into a temporary file, and its
// restore into 'to' in one transaction.
int measureCopy(const QString &from, const QString &to, const QString &folder)
{
    s_backend = Location::isUrl(to) ? u"postgresql"_s : u"sqlite"_s;
    auto source = Database::open(from);
    if (!source)
        return fail(source.error());
    auto target = Database::open(to);
    if (!target)
        return fail(target.error());
    const QString dump = folder + u"/copy.json"_s;
    QElapsedTimer timer;
    timer.start();
    if (const Status exported = JsonDump(**source).exportTo(dump); !exported)
        return fail(exported.error());
    const double exportSeconds = double(timer.nsecsElapsed()) / 1e9;
    qint64 records = 0;
    if (const Status restored = JsonDump(**target).importFrom(dump,
                                                              [&records](qint64 done, qint64) {
                                                                  records = done;
                                                                  return true;
                                                              });
        !restored) {
        return fail(restored.error());
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    figure(u"copy_seconds"_s, seconds, u"s"_s);
    figure(u"copy_export_seconds"_s, exportSeconds, u"s"_s);
    figure(u"copy_records"_s, double(records), u"records"_s);
    figure(u"copy_rate"_s, double(records) / seconds, u"records/s"_s);
    figure(u"copy_peak_rss"_s, peakRssMb(), u"MB"_s);
    return 0;
}

// A child process run to its end, with what it cost: its own peak resident set (wait4 reports
// the child's rusage alone, so earlier children and this process do not count).
struct ChildRun
{
    int exitCode = -1;
    double seconds = 0;
    double peakRssMb = 0;
    QString output;
    QString errors;
};

ChildRun runChild(const QString &program, const QStringList &arguments, const QString &scratch)
{
    ChildRun run;
    const QByteArray outPath = QFile::encodeName(scratch + u"/child.out"_s);
    const QByteArray errPath = QFile::encodeName(scratch + u"/child.err"_s);
    std::vector<QByteArray> owned{QFile::encodeName(program)};
    for (const QString &argument : arguments)
        owned.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : owned)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv.front(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        run.errors
            = u"cannot start %1: %2"_s.arg(program, QString::fromLocal8Bit(std::strerror(spawned)));
        return run;
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.peakRssMb = double(usage.ru_maxrss) / 1024.0; // KiB on Linux
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    QFile out(QFile::decodeName(outPath));
    if (out.open(QIODevice::ReadOnly))
        run.output = QString::fromUtf8(out.readAll());
    QFile err(QFile::decodeName(errPath));
    if (err.open(QIODevice::ReadOnly))
        run.errors = QString::fromUtf8(err.readAll()).trimmed();
    return run;
}

// A Bugzilla REST dump, {"bugs": [...]}, with the keys of the shared sample
// (perceval_bugzilla_rest_bugs.json) and values varied by a fixed seed. Written one bug at a
// time: the file is never in memory.
bool writeBugzillaBugs(const QString &path, qint64 count)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    quint64 state = 2026;
    const auto random = [&state](int below) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((state >> 33) % quint64(below));
    };
    const QStringList products
        = {u"Firefox"_s, u"Core"_s, u"Toolkit"_s, u"Thunderbird"_s, u"Connected Devices"_s};
    const QStringList components
        = {u"Graphics"_s,  u"Networking"_s,         u"DOM: Events"_s, u"Layout"_s,
           u"Untriaged"_s, u"Project Sensor Web"_s, u"Audio/Video"_s, u"Preferences"_s};
    const QStringList statuses
        = {u"NEW"_s, u"UNCONFIRMED"_s, u"ASSIGNED"_s, u"RESOLVED"_s, u"VERIFIED"_s};
    const QStringList resolutions = {u"FIXED"_s, u"WONTFIX"_s, u"DUPLICATE"_s, u"WORKSFORME"_s};
    const QStringList severities
        = {u"normal"_s, u"major"_s, u"minor"_s, u"critical"_s, u"enhancement"_s};
    const QStringList words
        = {u"crash"_s,   u"when"_s,   u"opening"_s,  u"tab"_s,     u"window"_s, u"license"_s,
           u"check"_s,   u"sensor"_s, u"back-end"_s, u"flicker"_s, u"scroll"_s, u"video"_s,
           u"freezes"_s, u"after"_s,  u"resume"_s,   u"font"_s,    u"proxy"_s,  u"slow"_s};
    const auto person = [&](int id) {
        const QString email = u"user%1@example.org"_s.arg(id);
        return std::pair{email, QJsonObject{{u"email"_s, email},
                                            {u"id"_s, id},
                                            {u"name"_s, email},
                                            {u"real_name"_s, u"User %1 [:u%1]"_s.arg(id)}}};
    };
    file.write("{\"bugs\": [\n");
    for (qint64 i = 0; i < count; ++i) {
        const qint64 id = 1000000 + i;
        QString summary;
        for (int w = 0, n = 4 + random(6); w < n; ++w)
            summary += (w ? u" "_s : QString()) + words.at(random(words.size()));
        const QString status = statuses.at(random(statuses.size()));
        const bool open = status != u"RESOLVED"_s && status != u"VERIFIED"_s;
        const QString resolution = open ? QString() : resolutions.at(random(resolutions.size()));
        const auto [assignee, assigneeDetail] = person(random(5000));
        const auto [creator, creatorDetail] = person(random(5000));
        QJsonArray cc;
        QJsonArray ccDetail;
        for (int c = 0, n = random(4); c < n; ++c) {
            const auto [email, detail] = person(random(5000));
            cc.append(email);
            ccDetail.append(detail);
        }
        QJsonArray blocks;
        if (random(4) == 0)
            blocks.append(qint64(1000000 + random(int(std::min<qint64>(count, 1 << 30)))));
        const QString created = u"20%1-%2-%3T%4:%5:%6Z"_s.arg(10 + random(15))
                                    .arg(1 + random(12), 2, 10, QChar(u'0'))
                                    .arg(1 + random(28), 2, 10, QChar(u'0'))
                                    .arg(random(24), 2, 10, QChar(u'0'))
                                    .arg(random(60), 2, 10, QChar(u'0'))
                                    .arg(random(60), 2, 10, QChar(u'0'));
        const QJsonObject bug{
            {u"alias"_s, QJsonValue::Null},
            {u"assigned_to"_s, assignee},
            {u"assigned_to_detail"_s, assigneeDetail},
            {u"blocks"_s, blocks},
            {u"cc"_s, cc},
            {u"cc_detail"_s, ccDetail},
            {u"cf_fx_iteration"_s, u"---"_s},
            {u"cf_fx_points"_s, u"---"_s},
            {u"cf_last_resolved"_s, open ? QJsonValue(QJsonValue::Null) : QJsonValue(created)},
            {u"cf_qa_whiteboard"_s, u""_s},
            {u"cf_user_story"_s, u""_s},
            {u"classification"_s, u"Client Software"_s},
            {u"component"_s, components.at(random(components.size()))},
            {u"creation_time"_s, created},
            {u"creator"_s, creator},
            {u"creator_detail"_s, creatorDetail},
            {u"depends_on"_s, QJsonArray{}},
            {u"dupe_of"_s, resolution == u"DUPLICATE"_s && i > 0 ? QJsonValue(
                               qint64(1000000 + random(int(std::min<qint64>(i, 1 << 30)))))
                                                                 : QJsonValue(QJsonValue::Null)},
            {u"flags"_s, QJsonArray{}},
            {u"groups"_s, QJsonArray{}},
            {u"id"_s, id},
            {u"is_cc_accessible"_s, true},
            {u"is_confirmed"_s, status != u"UNCONFIRMED"_s},
            {u"is_creator_accessible"_s, true},
            {u"is_open"_s, open},
            {u"keywords"_s, random(5) == 0 ? QJsonArray{u"regression"_s} : QJsonArray{}},
            {u"last_change_time"_s, created},
            {u"mentors"_s, QJsonArray{}},
            {u"mentors_detail"_s, QJsonArray{}},
            {u"op_sys"_s, random(2) ? u"Linux"_s : u"Mac OS X"_s},
            {u"platform"_s, random(2) ? u"x86_64"_s : u"x86"_s},
            {u"priority"_s, u"P%1"_s.arg(1 + random(5))},
            {u"product"_s, products.at(random(products.size()))},
            {u"qa_contact"_s, u""_s},
            {u"resolution"_s, resolution},
            {u"see_also"_s, QJsonArray{}},
            {u"severity"_s, severities.at(random(severities.size()))},
            {u"status"_s, status},
            {u"summary"_s, summary + u" (%1)"_s.arg(id)},
            {u"target_milestone"_s, u"---"_s},
            {u"url"_s, u""_s},
            {u"version"_s, u"%1 Branch"_s.arg(50 + random(80))},
            {u"votes"_s, random(10)},
            {u"whiteboard"_s, u""_s}};
        file.write(QJsonDocument(bug).toJson(QJsonDocument::Compact));
        file.write(i + 1 == count ? "\n" : ",\n");
    }
    file.write("]}\n");
    return file.error() == QFileDevice::NoError;
}

QString countName(qint64 count)
{
    if (count % 1000000 == 0)
        return u"%1m"_s.arg(count / 1000000);
    if (count % 1000 == 0)
        return u"%1k"_s.arg(count / 1000);
    return QString::number(count);
}

// Issue 14: what restoring the benchmark's export and importing a large Bugzilla dump cost,
// each run by deltaboard-cli in a child process so that its own peak memory is measured.
int measureStreaming(const QString &source, const QString &folder, qint64 bugzillaRecords)
{
    const QString cli = QCoreApplication::applicationDirPath() + u"/deltaboard-cli"_s;
    if (!source.isEmpty()) {
        const QString exported = folder + u"/bench-export.json"_s;
        {
            auto db = Database::open(source);
            if (!db)
                return fail(db.error());
            QElapsedTimer timer;
            timer.start();
            if (const Status written = JsonDump(**db).exportTo(exported); !written)
                return fail(written.error());
            figure(u"export_seconds"_s, double(timer.nsecsElapsed()) / 1e9, u"s"_s);
        }
        figure(u"restore_export_file_size"_s,
               double(QFileInfo(exported).size()) / (1024.0 * 1024.0), u"MB"_s);
        const ChildRun restore = runChild(
            cli, {u"--db"_s, folder + u"/restored.sqlite"_s, u"import"_s, exported}, folder);
        if (restore.exitCode != 0)
            return fail(u"the restore failed: %1"_s.arg(restore.errors));
        figure(u"restore_export_seconds"_s, restore.seconds, u"s"_s);
        figure(u"restore_export_peak_rss"_s, restore.peakRssMb, u"MB"_s);
        QFile::remove(exported);
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(folder + u"/restored.sqlite"_s + suffix);
    }
    if (bugzillaRecords > 0) {
        const QString name = u"import_bugzilla_"_s + countName(bugzillaRecords);
        const QString dump = folder + u"/bugzilla.json"_s;
        if (!writeBugzillaBugs(dump, bugzillaRecords))
            return fail(u"cannot write %1"_s.arg(dump));
        figure(name + u"_file_size"_s, double(QFileInfo(dump).size()) / (1024.0 * 1024.0), u"MB"_s);
        const ChildRun import
            = runChild(cli, {u"--db"_s, folder + u"/bugzilla.sqlite"_s, u"import"_s, dump}, folder);
        if (import.exitCode != 0) {
            // Reported, not hidden: a refusal or a crash is the figure of this size.
            std::fprintf(stderr, "deltaboard-bench: the Bugzilla import failed (exit %d): %s\n",
                         import.exitCode, qPrintable(import.errors.left(2000)));
            figure(name + u"_failed_after"_s, import.seconds, u"s"_s);
            figure(name + u"_peak_rss"_s, import.peakRssMb, u"MB"_s);
            return 1;
        }
        figure(name + u"_seconds"_s, import.seconds, u"s"_s);
        figure(name + u"_rate"_s, double(bugzillaRecords) / import.seconds, u"records/s"_s);
        figure(name + u"_peak_rss"_s, import.peakRssMb, u"MB"_s);
        if (!import.output.contains(QString::number(bugzillaRecords)))
            std::fprintf(stderr, "deltaboard-bench: the import said: %s\n",
                         qPrintable(import.output.trimmed()));
        QFile::remove(dump);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // The GUI figures are measured on the offscreen platform unless told otherwise.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"deltaboard-bench"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Builds the benchmark database and prints figures."_s);
    parser.addHelpOption();
    parser.addOption({u"db"_s, u"Keep the database at PATH (must not exist)."_s, u"PATH"_s});
    parser.addOption({u"deltas"_s, u"Deltas to generate (100000)."_s, u"N"_s, u"100000"_s});
    parser.addOption({u"tasks"_s, u"Tasks to generate (20000)."_s, u"M"_s, u"20000"_s});
    parser.addOption({u"runs"_s, u"Repetitions per query figure (21)."_s, u"R"_s, u"21"_s});
    parser.addOption({u"no-gui"_s, u"Skip the desktop app's figures."_s});
    parser.addOption(
        {u"import-only"_s, u"Only time importing a generated 100,000-issue GitHub file."_s});
    parser.addOption({u"streaming"_s,
                      u"Only time issue 14's figures, each in a child process: restoring the "
                      u"benchmark database's export (the --existing one, or one generated) and "
                      u"importing a generated Bugzilla dump."_s});
    parser.addOption({u"bugzilla-records"_s,
                      u"Bugs in the --streaming Bugzilla dump (1000000; 0 skips it)."_s, u"N"_s,
                      u"1000000"_s});
    parser.addOption({u"no-restore"_s, u"With --streaming, skip the restore."_s});
    parser.addOption({u"existing"_s,
                      u"Skip generation: measure the queries on a database made by an earlier "
                      u"run with --db."_s,
                      u"PATH"_s});
    parser.addOption({u"copy-to"_s,
                      u"Only time copying the --existing database into this one (new, or an "
                      u"empty PostgreSQL database), as 'deltaboard-cli copy' does."_s,
                      u"DATABASE"_s});
    parser.addOption({u"clients"_s,
                      u"Only run the team database's load test: N clients moving cards and "
                      u"setting priorities on the --existing PostgreSQL workspace."_s,
                      u"N"_s});
    parser.addOption({u"seconds"_s, u"How long the load test runs (60)."_s, u"S"_s, u"60"_s});
    parser.addOption(
        {u"rate"_s, u"Operations a second per client in the load test (5)."_s, u"R"_s, u"5"_s});
    parser.process(app);

    QTemporaryDir scratch;
    const QString given
        = parser.isSet(u"existing"_s) ? parser.value(u"existing"_s) : parser.value(u"db"_s);
    // --db and --existing take a PostgreSQL URL too: an empty database to generate into, or one
    // generated earlier. The figures then say "backend": "postgresql".
    const bool onServer = Location::isUrl(given);
    if (onServer)
        s_backend = u"postgresql"_s;
    if (parser.isSet(u"import-only"_s))
        return measureImport(scratch.path(), onServer ? given : QString());
    const bool existing = parser.isSet(u"existing"_s);
    const QString path = existing                ? parser.value(u"existing"_s)
                         : parser.isSet(u"db"_s) ? parser.value(u"db"_s)
                                                 : scratch.filePath(u"bench.sqlite"_s);
    if (!onServer && existing != QFileInfo::exists(path))
        return fail(existing ? u"no database at %1"_s.arg(path)
                             : u"%1 exists; give a new path"_s.arg(path));
    if (parser.isSet(u"clients"_s)) {
        if (!existing || !onServer)
            return fail(u"--clients runs on an --existing PostgreSQL workspace (a URL)"_s);
        return Bench::measureClients(path, std::max(1, parser.value(u"clients"_s).toInt()),
                                     std::max(1, parser.value(u"seconds"_s).toInt()),
                                     std::max(0.1, parser.value(u"rate"_s).toDouble()), figure);
    }
    if (parser.isSet(u"copy-to"_s)) {
        if (!existing)
            return fail(u"--copy-to copies the --existing database"_s);
        return measureCopy(path, parser.value(u"copy-to"_s), scratch.path());
    }
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    const bool streaming = parser.isSet(u"streaming"_s);
    const qint64 bugzillaRecords
        = streaming ? std::max<qint64>(0, parser.value(u"bugzilla-records"_s).toLongLong()) : 0;
    if (streaming && parser.isSet(u"no-restore"_s))
        return measureStreaming({}, scratch.path(), bugzillaRecords);

    DemoGenerator::Parameters parameters;
    parameters.deltas = parser.value(u"deltas"_s).toInt();
    parameters.tasks = parser.value(u"tasks"_s).toInt();
    parameters.organisations = 5;
    parameters.groups = 10;
    parameters.seed = 2026;

    if (!existing) {
        auto db = Database::open(path);
        if (!db)
            return fail(db.error());
        QElapsedTimer timer;
        timer.start();
        const auto counts = DemoGenerator(**db).generate(parameters);
        if (!counts)
            return fail(counts.error());
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        figure(u"generate_seconds"_s, seconds, u"s"_s);
        figure(u"generate_rows"_s, double(counts->rows), u"rows"_s);
        figure(u"generate_rate"_s, double(counts->rows) / seconds, u"rows/s"_s);
        figure(u"generate_deltas_tasks_rate"_s, double(counts->deltas + counts->tasks) / seconds,
               u"records/s"_s);

        // One delta with a word no generated text uses: the "rare word" search.
        Delta rare;
        rare.title = u"Zanzibar layout loses the tray icon"_s;
        if (const auto created = DeltaStore(**db).create(rare); !created)
            return fail(created.error());
    }
    if (onServer) {
        auto db = Database::open(path);
        const auto size = db ? (*db)->scalar(u"SELECT pg_database_size(current_database())"_s)
                             : Result<QVariant>(Error{db.error()});
        if (!size)
            return fail(size.error());
        figure(u"database_size"_s, size->toDouble() / (1024.0 * 1024.0), u"MB"_s);
    } else {
        figure(u"database_size"_s, double(QFileInfo(path).size()) / (1024.0 * 1024.0), u"MB"_s);
    }
    if (streaming)
        return measureStreaming(path, scratch.path(), bugzillaRecords);

    figure(u"open_median"_s,
           medianMs(runs,
                    [&] {
                        auto db = Database::open(path);
                        return db.ok() && (*db)->schemaVersion() > 0;
                    }),
           u"ms"_s);

    auto opened = Database::open(path);
    if (!opened)
        return fail(opened.error());
    Database &db = **opened;
    DeltaStore deltas(db);
    // What the search box asks: the first page of matches.
    for (const auto &[name, word] : {std::pair{u"search_rare_median"_s, u"zanzibar"_s},
                                     std::pair{u"search_common_median"_s, u"reproducible"_s}}) {
        DeltaFilter filter;
        filter.search = word;
        filter.limit = 100;
        figure(name,
               medianMs(runs,
                        [&] {
                            const auto rows = deltas.list(filter);
                            return rows.ok() && !rows->isEmpty();
                        }),
               u"ms"_s);
    }

    const auto organisations = OrganisationStore(db).list();
    if (!organisations || organisations->isEmpty())
        return fail(u"no organisations were generated"_s);
    const qint64 biggest = organisations->first().id; // the generator gives it half the tasks
    // The budgets are for a board of 10,000 cards: this one keeps its done cards (from schema 3
    // a board lets done cards leave after 14 days, which would leave ~4,000).
    {
        BoardStore boards(db);
        const auto board = boards.board(biggest);
        if (!board)
            return fail(board.error());
        if (const Status kept = boards.setArchiveAfter(board->id, 0); !kept)
            return fail(kept.error());
    }
    TaskStore tasks(db);
    qsizetype cards = 0;
    figure(u"board_query_median"_s,
           medianMs(runs,
                    [&] {
                        const auto board = tasks.boardCards(biggest);
                        cards = board ? board->size() : 0;
                        return board.ok();
                    }),
           u"ms"_s);
    figure(u"board_cards"_s, double(cards), u"cards"_s);

    // The gap as its view first shows it (the top 100), and the whole list as 'gap' prints it.
    Reports reports(db);
    figure(u"gap_first_page_median"_s,
           medianMs(runs,
                    [&] {
                        const auto gap = reports.gap(100);
                        return gap.ok() && gap->size() == 100;
                    }),
           u"ms"_s);
    qsizetype gapRows = 0;
    figure(u"gap_all_median"_s,
           medianMs(runs,
                    [&] {
                        const auto gap = reports.gap();
                        gapRows = gap ? gap->size() : 0;
                        return gap.ok();
                    }),
           u"ms"_s);
    figure(u"gap_rows"_s, double(gapRows), u"rows"_s);

    // The cross-organisation reports (issue 6), as their CLI commands compute them.
    FlowReports flow(db);
    TriageReports triage(db);
    const qint64 second = organisations->at(1).id;
    figure(u"report_cfd_median"_s,
           medianMs(runs, [&] { return flow.cumulativeFlow(biggest).ok(); }), u"ms"_s);
    figure(u"report_clocks_median"_s,
           medianMs(runs,
                    [&] {
                        return flow.timeToCommit(biggest).ok() && flow.cycleTime(biggest).ok()
                               && flow.throughput(biggest).ok();
                    }),
           u"ms"_s);
    figure(u"report_disagreement_median"_s,
           medianMs(runs, [&] { return triage.disagreement(biggest, second, true).ok(); }),
           u"ms"_s);
    figure(u"report_coverage_median"_s, medianMs(runs, [&] { return triage.coverage().ok(); }),
           u"ms"_s);
    // Crash reports (issue 5): signatures alone, then ingest into the database that already
    // holds the demo's reports.
    if (const int crashFigures = measureCrashes(db, runs); crashFigures != 0)
        return crashFigures;
    figure(u"peak_rss"_s, peakRssMb(), u"MB"_s);
    opened.value().reset(); // close this connection before the window opens its own
    if (parser.isSet(u"no-gui"_s))
        return 0;
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    const int gui = measureGui(path, settings.path(), runs);
    figure(u"peak_rss_with_gui"_s, peakRssMb(), u"MB"_s);
    return gui;
}
