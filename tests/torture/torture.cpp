// Over 600 lines: the three modes share the CLI driver, the claims of each process and the audit.
// deltaboard-torture: many processes on one database file, and processes killed at any moment.
// The real deltaboard-cli and an app-like process (a main connection and worker connections, as
// the window has) write and read at once; afterwards every write reported as done must be in the
// file and every write reported as failed must not (DESIGN.md contracts 1 and 8).
//
//   deltaboard-torture multi [--seconds S] [--processes N] [--seed X]
//   deltaboard-torture kill [--runs R] [--seed X]
//   deltaboard-torture app --db PATH --seconds S --org ID --deltas A,B,... [--busy MS]
//
// Each run prints JSON lines of what it did and exits 1 when anything was lost, written though
// reported as failed, or left the database unhealthy. scripts/torture runs the long forms;
// CTest runs short ones.

#include "database.h"
#include "reports.h"
#include "taskstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Deltaboard;

namespace {

QString s_cli;

struct Run
{
    int exitCode = -1; // -2: killed by a signal, -3: did not finish in time
    QString out;
    QString err;
};

Run cli(const QStringList &arguments, int timeoutMs = 300000)
{
    QProcess process;
    process.start(s_cli, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-3, {}, u"did not finish in %1 s"_s.arg(timeoutMs / 1000)};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void print(const QJsonObject &line)
{
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void complain(const QString &what)
{
    print({{u"error"_s, what.left(2000)}});
}

QString option(const QStringList &arguments, const QString &name, const QString &fallback = {})
{
    const qsizetype at = arguments.indexOf(u"--"_s + name);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A Python traceback whose innermost frame (so its signature) is its own.
QByteArray crashText(const QString &token)
{
    return u"Traceback (most recent call last):\n"
           u"  File \"/srv/app/main.py\", line 10, in <module>\n"
           u"    main()\n"
           u"  File \"/srv/app/%1.py\", line 5, in %1\n"
           u"    raise ValueError(\"torture\")\n"
           u"ValueError: torture\n"_s.arg(token)
               .toUtf8();
}

// GitHub issues of one made-up repository, numbered from 1.
QByteArray githubIssues(const QString &repository, int count)
{
    QByteArray bytes = "[";
    for (int i = 1; i <= count; ++i) {
        if (i > 1)
            bytes += ",\n";
        bytes += u"{\"number\": %1, \"title\": \"Torture issue %1 of %2\", \"state\": \"open\", "
                 u"\"html_url\": \"https://github.com/%2/issues/%1\", \"created_at\": "
                 u"\"2024-01-02T03:04:05Z\", \"user\": {\"login\": \"torture\"}, \"body\": "
                 u"\"Written by deltaboard-torture to be imported while others write.\"}"_s.arg(i)
                     .arg(repository)
                     .toUtf8();
    }
    return bytes + "]\n";
}

std::unique_ptr<Database> openOrComplain(const QString &path)
{
    auto db = Database::open(path);
    if (!db) {
        complain(db.error());
        return nullptr;
    }
    return std::move(db).value();
}

qint64 count(Database &db, const QString &sql, const QVariantList &values)
{
    const auto value = db.scalar(sql, values);
    if (!value) {
        complain(value.error());
        return -1;
    }
    return value->toLongLong();
}

// ---- app: the window's way of using the file ---------------------------------------------

// Commits, moves and reads as the app does: one main connection for edits, and a worker
// connection opened, used and closed for each report (what corrupted files before). Prints
// "ok TITLE" once a commit is in, "failed TITLE" when it reported failure.
int app(const QStringList &arguments)
{
    const QString path = option(arguments, u"db"_s);
    const int seconds = option(arguments, u"seconds"_s, u"10"_s).toInt();
    const qint64 organisation = option(arguments, u"org"_s, u"1"_s).toLongLong();
    const int busy = option(arguments, u"busy"_s, u"-1"_s).toInt();
    QList<qint64> deltas;
    for (const QString &id : option(arguments, u"deltas"_s, u"1"_s).split(u','))
        deltas.append(id.toLongLong());
    const QString tag = option(arguments, u"tag"_s, u"app"_s);
    auto db = openOrComplain(path);
    if (!db)
        return 1;
    std::mt19937 random(quint32(QCoreApplication::applicationPid()));
    QElapsedTimer clock;
    clock.start();
    for (int n = 0; clock.elapsed() < seconds * 1000; ++n) {
        // Waits as short as none and as long as the app's own.
        const int waits[] = {0, 50, 300, 5000};
        db->setBusyTimeout(busy >= 0 ? busy : waits[random() % 4]);
        const QString title = u"torture %1-%2"_s.arg(tag).arg(n);
        const qint64 first = deltas.at(int(random() % deltas.size()));
        const qint64 second = deltas.at(int(random() % deltas.size()));
        const QList<qint64> links
            = first == second ? QList<qint64>{first} : QList<qint64>{first, second};
        const auto committed = TaskStore(*db).commit(organisation, title, links);
        std::printf("%s %s\n", committed ? "ok" : "failed", qPrintable(title));
        std::fflush(stdout);
        if (committed && n % 3 == 0) {
            // A move to the next column; refused or done, the file must stay whole.
            const auto task = TaskStore(*db).get(*committed);
            if (task)
                static_cast<void>(
                    TaskStore(*db).move(*committed, task->columnId + 1, std::nullopt));
        }
        if (n % 4 == 0) {
            std::thread worker([&path] {
                auto reader = Database::open(path);
                if (!reader) {
                    complain(u"a worker connection could not open: "_s + reader.error());
                    return;
                }
                const auto gap = Reports(**reader).gap(20);
                if (!gap)
                    complain(u"a worker read failed: "_s + gap.error());
            });
            worker.join();
        }
    }
    std::printf("done\n");
    return 0;
}

// ---- multi: many processes at once ------------------------------------------------------

struct Claim
{
    QString kind;
    QString key;     // what identifies the write
    bool ok = false; // what the process reported
    QVariant detail; // per kind (the level a priority was set to)
};

struct Worker
{
    QString kind;
    int index = 0;
    QList<Claim> claims;
    int reads = 0;
    int errors = 0;
};

const QString kWaits[] = {u"0"_s, u"0.05"_s, u"0.3"_s, u"5"_s};

int multi(const QStringList &arguments)
{
    const int seconds = option(arguments, u"seconds"_s, u"20"_s).toInt();
    const int processes = std::max(3, option(arguments, u"processes"_s, u"8"_s).toInt());
    const quint32 seed = option(arguments, u"seed"_s, u"1"_s).toUInt();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"torture.sqlite"_s);
    const Run demo = cli({u"--db"_s, path, u"demo"_s, u"--deltas"_s, u"300"_s, u"--tasks"_s,
                          u"60"_s, u"--orgs"_s, u"3"_s, u"--groups"_s, u"3"_s});
    if (demo.exitCode != 0) {
        complain(u"demo: "_s + demo.err);
        return 1;
    }
    QStringList organisations, groups;
    {
        auto db = openOrComplain(path);
        if (!db)
            return 1;
        for (const auto &[sql, names] :
             {std::pair{u"SELECT name FROM organisations ORDER BY id"_s, &organisations},
              std::pair{u"SELECT name FROM user_groups ORDER BY id"_s, &groups}}) {
            const auto rows = db->run(sql);
            while (rows && (*rows)->next())
                names->append((*rows)->value(0).toString());
        }
    }
    if (organisations.size() < 2 || groups.isEmpty()) {
        complain(u"the demo has no organisations or groups to write to"_s);
        return 1;
    }

    // The CLI writers, one kind each in turn; the last process is the app-like one.
    const QStringList kinds
        = {u"commit"_s, u"priority"_s, u"impact"_s, u"ingest"_s, u"import"_s, u"read"_s};
    QList<Worker> workers;
    for (int i = 0; i < processes - 1; ++i)
        workers.append({kinds.at(i % kinds.size()), i, {}, 0, 0});
    // A priority writer owns one delta of the first organisation: its history counts its writes.
    QHash<int, qint64> baseline;
    {
        auto db = openOrComplain(path);
        if (!db)
            return 1;
        for (const Worker &worker : std::as_const(workers)) {
            if (worker.kind != u"priority"_s)
                continue;
            // The delta starts without this organisation's priority, so every write changes it.
            static_cast<void>(
                db->execOnce(u"DELETE FROM priorities WHERE organisation_id = 1 AND delta_id = ?"_s,
                             {200 + worker.index}));
            baseline.insert(worker.index,
                            count(*db,
                                  u"SELECT count(*) FROM history WHERE entity = 'delta' AND "
                                  u"entity_id = ? AND field = 'priority:1'"_s,
                                  {200 + worker.index}));
        }
    }

    QElapsedTimer clock;
    clock.start();
    const qint64 deadline = qint64(seconds) * 1000;
    std::vector<std::thread> threads;
    for (Worker &worker : workers) {
        threads.emplace_back([&, seed] {
            std::mt19937 random(seed * 977 + quint32(worker.index));
            int prioritiesSet = 0; // so that each write changes the level: high, low, high…
            for (int n = 0; clock.elapsed() < deadline; ++n) {
                const QString wait = kWaits[random() % 4];
                const QStringList common{u"--db"_s, path, u"--wait"_s, wait};
                const QString token = u"w%1n%2"_s.arg(worker.index).arg(n);
                Claim claim{worker.kind, token, false, {}};
                QStringList command;
                if (worker.kind == u"commit"_s) {
                    claim.key = u"torture commit "_s + token;
                    command = {u"commit"_s,  u"--org"_s, organisations.at(n % organisations.size()),
                               u"--title"_s, claim.key,  QString::number(1 + random() % 300)};
                } else if (worker.kind == u"priority"_s) {
                    const QString level = prioritiesSet % 2 ? u"low"_s : u"high"_s;
                    claim.detail = level;
                    command = {u"priority"_s,
                               u"set"_s,
                               u"--org"_s,
                               organisations.first(),
                               QString::number(200 + worker.index),
                               level};
                } else if (worker.kind == u"impact"_s) {
                    claim.key = QString::number(1000000 + worker.index * 100000 + n);
                    command = {u"impact"_s,
                               u"set"_s,
                               u"--group"_s,
                               groups.at(n % groups.size()),
                               QString::number(250 + worker.index),
                               u"high"_s,
                               u"--users"_s,
                               claim.key};
                    claim.detail = u"affected_users:%1"_s.arg(1 + n % groups.size());
                } else if (worker.kind == u"ingest"_s) {
                    claim.key = u"torture_"_s + token;
                    const QString file = dir.filePath(claim.key + u".txt"_s);
                    writeFile(file, crashText(claim.key));
                    command = {u"crash"_s, u"ingest"_s, file};
                } else if (worker.kind == u"import"_s) {
                    claim.key = u"torture/"_s + token;
                    const QString file = dir.filePath(token + u".json"_s);
                    writeFile(file, githubIssues(claim.key, 20));
                    command = {u"import"_s, u"--format"_s, u"github"_s, file};
                } else {
                    const QStringList reads[]
                        = {{u"list"_s, u"deltas"_s, u"--limit"_s, u"50"_s},
                           {u"gap"_s, u"--limit"_s, u"10"_s},
                           {u"report"_s, u"coverage"_s},
                           {u"show"_s, u"delta"_s, QString::number(1 + random() % 300)},
                           {u"list"_s, u"tasks"_s, u"--org"_s, organisations.first()}};
                    command = reads[n % 5];
                }
                const Run run = cli(common + command);
                if (worker.kind == u"read"_s) {
                    ++worker.reads;
                    if (run.exitCode != 0) {
                        ++worker.errors;
                        complain(u"a read failed: %1: %2"_s.arg(command.join(u' '), run.err));
                    }
                    continue;
                }
                if (run.exitCode == 0) {
                    claim.ok = true;
                    if (worker.kind == u"priority"_s)
                        ++prioritiesSet;
                } else if (run.exitCode != 1
                           || !run.err.contains(u"another program is writing"_s)) {
                    // Only contention may make a write fail here; anything else is a defect.
                    ++worker.errors;
                    complain(u"%1 ended with %2: %3"_s.arg(command.join(u' '))
                                 .arg(run.exitCode)
                                 .arg(run.err));
                    continue;
                }
                worker.claims.append(claim);
            }
        });
    }
    // The app-like process, with waits as short as none.
    QProcess appProcess;
    appProcess.start(QCoreApplication::applicationFilePath(),
                     {u"app"_s, u"--db"_s, path, u"--seconds"_s, QString::number(seconds),
                      u"--org"_s, u"2"_s, u"--deltas"_s, u"11,12,13,14,15,16"_s});
    for (std::thread &thread : threads)
        thread.join();
    if (!appProcess.waitForFinished(seconds * 1000 + 120000))
        complain(u"the app-like process did not finish"_s);
    const QStringList appLines
        = QString::fromUtf8(appProcess.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    int errors = 0;
    if (appProcess.exitStatus() != QProcess::NormalExit || appProcess.exitCode() != 0
        || appLines.value(appLines.size() - 1) != u"done"_s) {
        ++errors;
        complain(u"the app-like process ended badly: "_s
                 + QString::fromUtf8(appProcess.readAllStandardError()));
    }

    // The audit: what every process said against what the file holds.
    const Run check = cli({u"--db"_s, path, u"check"_s});
    if (check.exitCode != 0) {
        ++errors;
        complain(u"check: "_s + check.out + check.err);
    }
    auto db = openOrComplain(path);
    if (!db)
        return 1;
    if (count(*db, u"SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"_s,
              {})
        != 0) {
        ++errors;
        complain(u"PRAGMA integrity_check reports problems"_s);
    }
    int ok = 0, failed = 0, phantom = 0, lost = 0, reads = 0;
    QHash<QString, std::pair<int, int>> byKind; // done, failed
    for (const Worker &worker : std::as_const(workers)) {
        for (const Claim &claim : worker.claims)
            claim.ok ? ++byKind[claim.kind].first : ++byKind[claim.kind].second;
    }
    for (const QString &line : appLines) {
        if (line != u"done"_s)
            line.startsWith(u"ok "_s) ? ++byKind[u"app"_s].first : ++byKind[u"app"_s].second;
    }
    const auto judge = [&](const QString &what, bool claimedOk, qint64 found, qint64 whole) {
        claimedOk ? ++ok : ++failed;
        if (claimedOk && found != whole) {
            ++lost;
            complain(u"lost: %1 reported done, found %2 of %3"_s.arg(what).arg(found).arg(whole));
        } else if (!claimedOk && found != 0) {
            ++phantom;
            complain(u"phantom: %1 reported failed, found %2"_s.arg(what).arg(found));
        }
    };
    for (const Worker &worker : std::as_const(workers)) {
        errors += worker.errors;
        reads += worker.reads;
        int successes = 0;
        QString lastLevel;
        for (const Claim &claim : worker.claims) {
            if (claim.kind == u"commit"_s) {
                judge(claim.key, claim.ok,
                      count(*db, u"SELECT count(*) FROM tasks WHERE title = ?"_s, {claim.key}), 1);
            } else if (claim.kind == u"impact"_s) {
                judge(u"impact users "_s + claim.key, claim.ok,
                      count(*db,
                            u"SELECT count(*) FROM history WHERE entity = 'delta' AND "
                            u"entity_id = ? AND field = ? AND new_value = ?"_s,
                            {250 + worker.index, claim.detail, claim.key}),
                      1);
            } else if (claim.kind == u"ingest"_s) {
                judge(claim.key, claim.ok,
                      count(*db,
                            u"SELECT count(*) FROM crash_reports WHERE instr(raw_text, ?) > 0"_s,
                            {u"/srv/app/%1.py\""_s.arg(claim.key)}),
                      1);
            } else if (claim.kind == u"import"_s) {
                judge(claim.key, claim.ok,
                      count(*db,
                            u"SELECT count(*) FROM deltas WHERE source_tracker = 'github' AND "
                            u"external_id LIKE ?"_s,
                            {claim.key + u"#%"_s}),
                      20);
            } else if (claim.kind == u"priority"_s) {
                claim.ok ? ++ok : ++failed;
                if (claim.ok) {
                    ++successes;
                    lastLevel = claim.detail.toString();
                }
            }
        }
        if (worker.kind == u"priority"_s) {
            // Every reported change left one history row, no failed one did; the level is the
            // last one reported done.
            const qint64 rows = count(*db,
                                      u"SELECT count(*) FROM history WHERE entity = 'delta' AND "
                                      u"entity_id = ? AND field = 'priority:1'"_s,
                                      {200 + worker.index})
                                - baseline.value(worker.index);
            const auto level = db->scalar(u"SELECT level FROM priorities WHERE organisation_id = "
                                          u"1 AND delta_id = ?"_s,
                                          {200 + worker.index});
            const QString levelName
                = level && level->isValid()
                      ? QStringList{u"untriaged"_s, u"low"_s, u"medium"_s, u"high"_s, u"critical"_s}
                            .value(level->toInt())
                      : QString();
            if (rows > successes) {
                phantom += int(rows - successes);
                complain(
                    u"phantom: %1 priority changes in the history, %2 reported done"_s.arg(rows)
                        .arg(successes));
            } else if (rows < successes || levelName != lastLevel) {
                lost += int(successes - rows) + (levelName != lastLevel ? 1 : 0);
                complain(u"lost: %1 priority changes in the history, %2 reported done; level %3, "
                         u"last reported %4"_s.arg(rows)
                             .arg(successes)
                             .arg(levelName, lastLevel));
            }
        }
    }
    for (const QString &line : appLines) {
        if (line == u"done"_s)
            continue;
        const bool claimedOk = line.startsWith(u"ok "_s);
        const QString title = line.section(u' ', 1);
        judge(title, claimedOk,
              count(*db, u"SELECT count(*) FROM tasks WHERE title = ?"_s, {title}), 1);
    }
    QJsonObject kindsJson;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kindsJson.insert(it.key(), QJsonObject{{u"done"_s, it->first}, {u"failed"_s, it->second}});
    print({{u"torture"_s, u"multi"_s},
           {u"processes"_s, processes},
           {u"by_kind"_s, kindsJson},
           {u"seconds"_s, double(clock.elapsed()) / 1000},
           {u"writes_reported_done"_s, ok},
           {u"writes_reported_failed"_s, failed},
           {u"reads"_s, reads},
           {u"phantom"_s, phantom},
           {u"lost"_s, lost},
           {u"errors"_s, errors},
           {u"check"_s, check.exitCode == 0 ? u"ok"_s : u"failed"_s}});
    return phantom == 0 && lost == 0 && errors == 0 && check.exitCode == 0 && ok > 0 ? 0 : 1;
}

// ---- kill: write-heavy work killed at any moment -------------------------------------------

struct KillKind
{
    QString name;
    qint64 expected = 0; // what the unit of work adds when it completes
    qint64 durationMs = 0;
};

int killRuns(const QStringList &arguments)
{
    const int runs = option(arguments, u"runs"_s, u"10"_s).toInt();
    const quint32 seed = option(arguments, u"seed"_s, u"1"_s).toUInt();
    std::mt19937 random(seed);
    QTemporaryDir dir;
    const QString base = dir.filePath(u"base.sqlite"_s);
    if (cli({u"--db"_s, base, u"demo"_s, u"--deltas"_s, u"300"_s, u"--tasks"_s, u"60"_s}).exitCode
        != 0) {
        complain(u"cannot make the base database"_s);
        return 1;
    }
    const QString issues = dir.filePath(u"issues.json"_s);
    writeFile(issues, githubIssues(u"kill/base"_s, 20000));
    const QString crashes = dir.filePath(u"crashes"_s);
    QDir().mkpath(crashes);
    for (int i = 0; i < 6000; ++i)
        writeFile(u"%1/%2.txt"_s.arg(crashes).arg(i, 4, 10, QChar(u'0')),
                  crashText(u"kill_signature_%1"_s.arg(i % 500)));

    const QString path = dir.filePath(u"run.sqlite"_s);
    const auto fresh = [&](bool copyBase) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
        return !copyBase || QFile::copy(base, path);
    };
    const auto commandFor = [&](const QString &kind) -> std::pair<QString, QStringList> {
        if (kind == u"demo"_s)
            return {s_cli,
                    {u"--db"_s, path, u"demo"_s, u"--deltas"_s, u"3000"_s, u"--tasks"_s, u"600"_s}};
        if (kind == u"import"_s)
            return {s_cli, {u"--db"_s, path, u"import"_s, issues}};
        if (kind == u"ingest"_s)
            return {s_cli, {u"--db"_s, path, u"crash"_s, u"ingest"_s, crashes}};
        return {QCoreApplication::applicationFilePath(),
                {u"app"_s, u"--db"_s, path, u"--seconds"_s, u"3"_s, u"--org"_s, u"1"_s,
                 u"--deltas"_s, u"21,22,23,24"_s, u"--busy"_s, u"5000"_s, u"--tag"_s, u"kill"_s}};
    };
    // What each kind adds when it runs whole, and how long that takes: measured once each.
    QList<KillKind> kinds = {
        {u"demo"_s, 3000, 0}, {u"import"_s, 20000, 0}, {u"ingest"_s, 6000, 0}, {u"edit"_s, 0, 0}};
    const auto measure = [&](const QString &kind) -> qint64 {
        auto db = Database::open(path);
        if (!db)
            return -1;
        if (kind == u"demo"_s)
            return count(**db, u"SELECT count(*) FROM deltas"_s, {});
        if (kind == u"import"_s)
            return count(**db,
                         u"SELECT count(*) FROM deltas WHERE source_tracker = 'github' AND "
                         u"external_id LIKE 'kill/base#%'"_s,
                         {});
        if (kind == u"ingest"_s)
            return count(**db, u"SELECT count(*) FROM crash_reports"_s, {});
        return count(**db, u"SELECT count(*) FROM tasks WHERE title LIKE 'torture kill-%'"_s, {});
    };
    qint64 baseReports = 0;
    {
        fresh(true);
        baseReports = measure(u"ingest"_s);
    }
    int failures = 0;
    for (KillKind &kind : kinds) {
        fresh(kind.name != u"demo"_s);
        const auto [program, args] = commandFor(kind.name);
        QElapsedTimer clock;
        clock.start();
        QProcess process;
        process.start(program, args);
        process.waitForFinished(600000);
        kind.durationMs = clock.elapsed();
        if (process.exitCode() != 0) {
            ++failures;
            complain(u"%1 does not succeed when left alone: %2"_s.arg(
                kind.name, QString::fromUtf8(process.readAllStandardError())));
        }
    }

    int passed = 0;
    int killedMidway = 0;
    for (int run = 0; run < runs; ++run) {
        const KillKind &kind = kinds.at(run % kinds.size());
        fresh(kind.name != u"demo"_s);
        const auto [program, args] = commandFor(kind.name);
        QProcess process;
        process.start(program, args);
        process.waitForStarted();
        const int delay = int(random() % quint32(kind.durationMs * 11 / 10 + 1));
        QThread::msleep(ulong(delay));
        const bool wasRunning = process.state() == QProcess::Running;
        if (wasRunning) {
            process.kill();
            ++killedMidway;
        }
        process.waitForFinished();
        const QStringList appLines
            = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);

        QStringList problems;
        // The file opens (an interrupted first run may have left no file: it is made now) …
        const Run init = cli({u"--db"_s, path, u"init"_s});
        if (init.exitCode != 0)
            problems.append(u"init: "_s + init.err);
        // … passes check …
        const Run check = cli({u"--db"_s, path, u"check"_s});
        if (check.exitCode != 0)
            problems.append(u"check: "_s + check.out + check.err);
        // … and holds all of the work or none of it.
        qint64 found = measure(kind.name);
        if (kind.name == u"ingest"_s)
            found -= baseReports;
        if (kind.name == u"edit"_s) {
            // Every commit reported done is there; one more may have landed before it could say
            // so; each has both its links (all or nothing per edit).
            const qint64 reported = appLines.filter(QRegularExpression(u"^ok "_s)).size();
            if (found != reported && found != reported + 1)
                problems.append(
                    u"%1 edits reported done, %2 in the file"_s.arg(reported).arg(found));
            auto db = Database::open(path);
            if (db) {
                const qint64 torn
                    = count(**db,
                            u"SELECT count(*) FROM tasks t WHERE t.title LIKE 'torture kill-%' AND "
                            u"(SELECT count(*) FROM task_deltas l WHERE l.task_id = t.id) = 0"_s,
                            {});
                if (torn != 0)
                    problems.append(u"%1 edits are in the file without their links"_s.arg(torn));
            }
        } else if (found != 0 && found != kind.expected) {
            problems.append(u"%1 of %2 records: a half-written %3"_s.arg(found)
                                .arg(kind.expected)
                                .arg(kind.name));
        }
        print({{u"run"_s, run},
               {u"kind"_s, kind.name},
               {u"killed_after_ms"_s, wasRunning ? delay : -1},
               {u"found"_s, found},
               {u"ok"_s, problems.isEmpty()},
               {u"problems"_s, problems.join(u"; "_s).left(1000)}});
        problems.isEmpty() ? ++passed : ++failures;
    }
    QJsonObject durations;
    for (const KillKind &kind : std::as_const(kinds))
        durations.insert(kind.name, kind.durationMs);
    print({{u"torture"_s, u"kill"_s},
           {u"runs"_s, runs},
           {u"passed"_s, passed},
           {u"killed_midway"_s, killedMidway},
           {u"uninterrupted_ms"_s, durations},
           {u"failures"_s, failures}});
    return failures == 0 && passed == runs ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    s_cli = qEnvironmentVariable("DELTABOARD_CLI", QStringLiteral(DELTABOARD_CLI_PATH));
    const QString mode = arguments.value(0);
    if (mode == u"app"_s)
        return app(arguments);
    if (mode == u"multi"_s)
        return multi(arguments);
    if (mode == u"kill"_s)
        return killRuns(arguments);
    std::fputs("usage: deltaboard-torture multi|kill|app [options] (see the source's header)\n",
               stderr);
    return 2;
}
