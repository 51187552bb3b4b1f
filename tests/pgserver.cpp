#include "pgserver.h"
#include "pgwatchdog.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QVersionNumber>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <utility>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deltaboard::Error;
using Deltaboard::Location;
using Deltaboard::Result;
using Deltaboard::Status;

namespace DeltaboardTest {

namespace {

// The watchdog: the only owner of the cluster. It makes the folder, runs initdb, starts postgres
// when told to, then blocks reading its stdin, a socket whose other end only the test process
// holds. The read ends when that socket closes, whichever way the test process ended; then the
// watchdog stops postgres (by its pid, which it knows even before postmaster.pid exists: fast
// shutdown, then immediate after 15 s, then SIGKILL after 20 s) and removes the folder.
// SIGPIPE is ignored so that telling a dead test process something cannot kill it before it
// has cleaned up. Lines to the test process: 'dir PATH', 'initdb STATUS', 'postgres PID'; any
// other line (mktemp, runuser) is a message for the error text. A line 'restart' from the test
// process stops postgres (fast shutdown: clients are disconnected) and starts it again, which
// answers with a new 'postgres PID'.
constexpr char kWatchdogScript[] = R"sh(set -u
trap '' PIPE
bin=$1 base=$2
shift 2
dir= pg=
finish() {
    trap '' INT TERM HUP
    if [ -n "$pg" ]; then
        kill -INT "$pg" 2>/dev/null
        n=0
        while read -r _ _ state _ 2>/dev/null <"/proc/$pg/stat" && [ "$state" != Z ]; do
            n=$((n + 1))
            case $n in 300) kill -QUIT "$pg" ;; 400) kill -KILL "$pg" ;; esac
            sleep 0.05
        done
        wait "$pg" 2>/dev/null
    fi
    [ -z "$dir" ] || rm -rf "$dir"
    exit 0
}
trap finish INT TERM HUP
dir=$(mktemp -d "$base/deltaboard-pg.XXXXXX") || exit 1
echo "dir $dir"
"$bin/initdb" -D "$dir/data" --auth=trust --no-sync -U postgres -E UTF8 --locale=C \
    </dev/null >"$dir/initdb.log" 2>&1
echo "initdb $?"
start() {
    "$bin/postgres" -D "$dir/data" -c "unix_socket_directories=\"$dir\"" "$@" \
        </dev/null >>"$dir/server.log" 2>&1 &
    pg=$!
    echo "postgres $pg"
}
read -r command && [ "$command" = start ] || finish
start "$@"
while read -r command; do
    if [ "$command" = restart ]; then
        kill -INT "$pg" 2>/dev/null
        wait "$pg" 2>/dev/null
        start "$@"
    fi
done
finish
)sh";

// A server that is thrown away: no durability, no TCP, room for many test connections.
const QStringList kSettings = {
    u"listen_addresses="_s,    u"fsync=off"_s,           u"synchronous_commit=off"_s,
    u"full_page_writes=off"_s, u"max_connections=200"_s,
};

// The fixture's own test sets this to one bad setting (name=value) to make a start fail.
constexpr char kBreakVariable[] = "DELTABOARD_TEST_PG_SETTING";
constexpr char kReuseVariable[] = "DELTABOARD_TEST_PG";
// Where the clusters are made; by default in memory (see clusterBase()).
constexpr char kBaseVariable[] = "DELTABOARD_TEST_PG_DIR";

constexpr int kInitdbSeconds = 120;
constexpr int kReadySeconds = 60;
constexpr int kStopSeconds = 60;

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

// The last lines of a log file, for error messages.
QString logTail(const QString &path, int lines = 40)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"(no log: %1)"_s.arg(file.errorString());
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n');
    const qsizetype from = std::max<qsizetype>(0, all.size() - lines - 1);
    return all.mid(from).join(u'\n').trimmed();
}

// Whether a process exists and has not exited (a zombie waiting for its parent has).
bool isRunning(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype end = text.lastIndexOf(')');
    if (end < 0 || end + 2 >= text.size())
        return false;
    const char state = text.at(end + 2);
    return state != 'Z' && state != 'X';
}

QByteArray commandLine(qint64 pid)
{
    QFile file(u"/proc/%1/cmdline"_s.arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The folder with initdb and postgres: pg_config's, else the newest Debian-style
// /usr/lib/postgresql/N/bin, else the one on PATH.
Result<QString> serverPrograms()
{
    QStringList candidates;
    QProcess pgConfig;
    pgConfig.start(u"pg_config"_s, {u"--bindir"_s});
    if (pgConfig.waitForFinished(10000) && pgConfig.exitStatus() == QProcess::NormalExit
        && pgConfig.exitCode() == 0) {
        candidates.append(QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed());
    }
    QStringList versions
        = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : versions)
        candidates.append(u"/usr/lib/postgresql/%1/bin"_s.arg(version));
    const QString onPath = QStandardPaths::findExecutable(u"initdb"_s);
    if (!onPath.isEmpty())
        candidates.append(QFileInfo(onPath).canonicalPath());
    for (const QString &folder : std::as_const(candidates)) {
        if (QFileInfo(folder + u"/initdb"_s).isExecutable()
            && QFileInfo(folder + u"/postgres"_s).isExecutable())
            return folder;
    }
    return Error{u"the PostgreSQL server programs (initdb, postgres) are not installed: looked "
                 u"in %1 (Debian: apt-get install postgresql)"_s.arg(
                     candidates.isEmpty() ? u"pg_config --bindir, /usr/lib/postgresql and PATH"_s
                                          : candidates.join(u", "_s))};
}

// The folder the cluster's folder is made in: DELTABOARD_TEST_PG_DIR if set, else /dev/shm when
// anyone may write there (a tmpfs: a template clone takes some 30 ms there against 450 ms on
// this machine's disk, fsync=off notwithstanding), else the temporary folder.
QString clusterBase()
{
    if (qEnvironmentVariableIsSet(kBaseVariable))
        return QDir::cleanPath(qEnvironmentVariable(kBaseVariable));
    const QFileInfo shm(u"/dev/shm"_s);
    if (shm.isDir() && shm.permissions().testFlags(QFileDevice::WriteOther | QFileDevice::ExeOther))
        return shm.filePath();
    return QDir::tempPath();
}

std::unique_ptr<PgServer> &sharedServer()
{
    static std::unique_ptr<PgServer> server;
    return server;
}

void stopSharedServer()
{
    if (PgServer *server = sharedServer().get()) {
        const Status stopped = server->stop();
        if (!stopped)
            qWarning().noquote() << stopped.error();
    }
}

// The next line that starts with prefix, noting other lines; empty on timeout or end.
QByteArray expect(Watchdog &watchdog, const QByteArray &prefix, int seconds)
{
    const QDeadlineTimer deadline(seconds * 1000);
    QByteArray line;
    for (;;) {
        if (watchdog.readLine(&line, deadline) != Watchdog::Read::Line)
            return {};
        if (line.startsWith(prefix))
            return line.mid(prefix.size());
        watchdog.note(line);
    }
}

} // namespace

PgServer::PgServer()
    : m_prefix(u"t%1_"_s.arg(QCoreApplication::applicationPid()))
    , m_connection(u"deltaboard-testpg"_s)
{}

PgServer::~PgServer() = default;

Result<PgServer *> PgServer::shared()
{
    static bool tried = false;
    static QString failure;
    std::unique_ptr<PgServer> &server = sharedServer();
    if (server)
        return server.get();
    if (tried)
        return Error{failure};
    tried = true;

    auto fresh = std::unique_ptr<PgServer>(new PgServer);
    const QString url = qEnvironmentVariable(kReuseVariable);
    const Status started = url.isEmpty() ? fresh->startThrowaway() : fresh->attach(url);
    if (!started) {
        fresh->closeConnection();
        failure = started.error();
        // Loudly: a caller that only skips on failure still leaves this in the test output.
        qCritical().noquote() << failure;
        return Error{failure};
    }
    server = std::move(fresh);
    // Stopped while QtSql still works (the application's destructor runs post routines);
    // without an application object, at exit.
    if (QCoreApplication::instance())
        qAddPostRoutine(stopSharedServer);
    else
        std::atexit(stopSharedServer);
    return server.get();
}

Status PgServer::startThrowaway()
{
    QElapsedTimer clock;
    clock.start();
    const auto programs = serverPrograms();
    if (!programs)
        return Error{u"PostgreSQL test server: "_s + programs.error()};

    const QString base = clusterBase();
    // A Unix socket path has at most 107 bytes: base/deltaboard-pg.XXXXXX/.s.PGSQL.5432.
    if (base.toLocal8Bit().size() + 35 > 107) {
        return Error{u"PostgreSQL test server: %1 is too long a path for the server's socket; "
                     u"set %2 to a shorter one"_s.arg(base, QString::fromLatin1(kBaseVariable))};
    }
    QStringList command;
    const bool root = ::geteuid() == 0;
    if (root) {
        // initdb refuses to run as root, so the whole watchdog runs as 'postgres'.
        QString runuser = QStandardPaths::findExecutable(u"runuser"_s);
        if (runuser.isEmpty())
            runuser = QStandardPaths::findExecutable(u"runuser"_s, {u"/usr/sbin"_s, u"/sbin"_s});
        if (runuser.isEmpty() || !::getpwnam("postgres")) {
            return Error{u"PostgreSQL test server: running as root, the server must run as the "
                         u"'postgres' user through runuser, and %1 is missing"_s.arg(
                             runuser.isEmpty() ? u"runuser"_s : u"the postgres user"_s)};
        }
        command << runuser << u"-u"_s << u"postgres"_s << u"--"_s;
    }
    command << u"/bin/sh"_s << u"-c"_s << QString::fromUtf8(kWatchdogScript)
            << u"deltaboard-pg-watchdog"_s << *programs << base;
    QStringList settings = kSettings;
    if (qEnvironmentVariableIsSet(kBreakVariable))
        settings.append(qEnvironmentVariable(kBreakVariable));
    for (const QString &setting : std::as_const(settings))
        command << u"-c"_s << setting;

    auto watchdog = Watchdog::spawn(command);
    if (!watchdog)
        return Error{u"PostgreSQL test server: "_s + watchdog.error()};
    m_watchdog = std::move(watchdog).value();

    const QByteArray folder = expect(*m_watchdog, "dir ", 30);
    if (folder.isEmpty()) {
        QString what = u"cannot make a folder in %1"_s.arg(base);
        if (root) {
            what += u" (the server runs as the postgres user, which must be able to write there; "
                    u"%1 chooses another folder)"_s.arg(QString::fromLatin1(kBaseVariable));
        }
        return abandon(what);
    }
    m_folder = QString::fromLocal8Bit(folder);

    const QByteArray initdb = expect(*m_watchdog, "initdb ", kInitdbSeconds);
    m_timings.initdbMs = clock.elapsed();
    if (initdb.isEmpty())
        return abandon(u"initdb did not finish within %1 s"_s.arg(kInitdbSeconds));
    if (initdb != "0")
        return abandon(u"initdb failed (exit status %1)"_s.arg(QString::fromLatin1(initdb)));

    if (!m_watchdog->send("start"))
        return abandon(u"the watchdog ended before starting postgres"_s);
    m_postgresPid = expect(*m_watchdog, "postgres ", 30).toLongLong();
    if (m_postgresPid <= 0)
        return abandon(u"the watchdog did not start postgres"_s);

    QUrlQuery query;
    query.addQueryItem(u"host"_s, m_folder);
    query.addQueryItem(u"user"_s, u"postgres"_s);
    const auto server
        = Location::parse(u"postgresql:///postgres?"_s + query.toString(QUrl::FullyEncoded));
    if (!server)
        return abandon(server.error());
    m_server = *server;
    if (const auto db = m_server.addConnection(m_connection); !db)
        return abandon(db.error());

    // Ready when a connection succeeds; a server that exited or a watchdog that ended is noticed
    // between attempts, which wait on the watchdog's socket for at most 20 ms.
    const QDeadlineTimer ready(kReadySeconds * 1000);
    for (;;) {
        QString why;
        if (open(&why))
            break;
        if (!isRunning(m_postgresPid)) // its log says why, better than the connection can
            return abandon(u"postgres exited during start"_s);
        if (ready.hasExpired()) {
            return abandon(u"postgres did not accept a connection within %1 s (last attempt: %2)"_s
                               .arg(kReadySeconds)
                               .arg(why));
        }
        QByteArray line;
        const Watchdog::Read read = m_watchdog->readLine(&line, QDeadlineTimer(20));
        if (read == Watchdog::Read::Closed)
            return abandon(u"the watchdog ended during start"_s);
        if (read == Watchdog::Read::Line)
            m_watchdog->note(line);
    }
    m_timings.startMs = clock.elapsed();
    return {};
}

Status PgServer::attach(const QString &url)
{
    QElapsedTimer clock;
    clock.start();
    m_reused = true;
    const QString set = u"%1 is set to '%2'"_s.arg(QString::fromLatin1(kReuseVariable), url);
    const QString noFallback = u"The tests do not start a server of their own while it is set: "
                               u"start that server (eval \"$(scripts/pg-dev-server)\") or unset "
                               u"%1."_s.arg(QString::fromLatin1(kReuseVariable));
    const auto location = Location::parse(url);
    if (!location || !location->isPostgres()) {
        return Error{
            u"PostgreSQL test server: %1, which is not a usable PostgreSQL URL: %2. %3"_s.arg(
                set, location ? u"not a postgresql:// URL"_s : location.error(), noFallback)};
    }
    m_server = location->withDatabase(u"postgres"_s);
    if (const auto db = m_server.addConnection(m_connection); !db)
        return Error{u"PostgreSQL test server: %1, but %2. %3"_s.arg(set, db.error(), noFallback)};
    if (QString why; !open(&why)) {
        closeConnection();
        return Error{u"PostgreSQL test server: %1, but that server cannot be reached: %2. %3"_s.arg(
            set, why, noFallback)};
    }
    m_timings.startMs = clock.elapsed();
    // Databases with this process's prefix belong to an earlier process that had the same pid
    // and did not get to drop them.
    return dropOwnDatabases();
}

Error PgServer::abandon(const QString &what)
{
    QString message = u"PostgreSQL test server: "_s + what;
    if (m_watchdog && !m_watchdog->messages().isEmpty())
        message += u"\n"_s + m_watchdog->messages().join(u'\n');
    if (!m_folder.isEmpty()) {
        QString log = m_folder + u"/server.log"_s;
        if (!QFileInfo::exists(log))
            log = m_folder + u"/initdb.log"_s;
        message += u"\n--- the end of %1 ---\n%2\n---"_s.arg(log, logTail(log));
    }
    closeConnection();
    const QString leftover = stopWatchdog();
    if (!leftover.isEmpty())
        message += u"\n"_s + leftover;
    m_stopped = true;
    return Error{message};
}

Status PgServer::restart()
{
    if (m_reused || !m_watchdog || m_stopped)
        return Error{u"PostgreSQL test server: only a server the tests started can be restarted"_s};
    QSqlDatabase::database(m_connection, false).close();
    if (!m_watchdog->send("restart"))
        return Error{u"PostgreSQL test server: the watchdog ended before the restart"_s};
    const qint64 pid = expect(*m_watchdog, "postgres ", kStopSeconds).toLongLong();
    if (pid <= 0)
        return Error{u"PostgreSQL test server: the watchdog did not start postgres again"_s};
    m_postgresPid = pid;
    const QDeadlineTimer ready(kReadySeconds * 1000);
    QString why;
    while (!open(&why)) {
        if (!isRunning(m_postgresPid) || ready.hasExpired()) {
            return Error{u"PostgreSQL test server: postgres did not come back after a restart "
                         u"(%1)\n--- the end of server.log ---\n%2"_s.arg(
                             why, logTail(m_folder + u"/server.log"_s))};
        }
        QByteArray line;
        if (m_watchdog->readLine(&line, QDeadlineTimer(20)) == Watchdog::Read::Line)
            m_watchdog->note(line);
    }
    return {};
}

QString PgServer::stopWatchdog()
{
    if (!m_watchdog)
        return {};
    const bool finished = m_watchdog->finish(QDeadlineTimer(kStopSeconds * 1000));
    m_watchdog.reset();
    // Should the watchdog have failed, a last resort: the postmaster (if it is still ours) and
    // the folder.
    QStringList left;
    if (m_postgresPid > 0 && isRunning(m_postgresPid)
        && commandLine(m_postgresPid).contains(m_folder.toLocal8Bit())) {
        ::kill(pid_t(m_postgresPid), SIGKILL);
        left.append(u"postgres (pid %1) was still running and was killed"_s.arg(m_postgresPid));
    }
    if (!m_folder.isEmpty() && QFileInfo::exists(m_folder)) {
        QDir(m_folder).removeRecursively();
        left.append(u"the folder %1 was still there%2"_s.arg(
            m_folder, QFileInfo::exists(m_folder) ? u" and cannot be removed"_s : u""_s));
    }
    if (!finished)
        left.prepend(u"the watchdog did not finish within %1 s"_s.arg(kStopSeconds));
    return left.join(u"; "_s);
}

Status PgServer::stop()
{
    if (m_stopped)
        return {};
    QElapsedTimer clock;
    clock.start();
    QStringList problems;
    if (m_reused) {
        const Status dropped = dropOwnDatabases();
        if (!dropped)
            problems.append(dropped.error());
    }
    m_stopped = true;
    closeConnection();
    const QString leftover = stopWatchdog();
    if (!leftover.isEmpty())
        problems.append(leftover);
    m_timings.stopMs = clock.elapsed();
    if (!problems.isEmpty())
        return Error{u"PostgreSQL test server: stopping: "_s + problems.join(u"; "_s)};
    return {};
}

bool PgServer::open(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (db.open())
        return true;
    *error = db.lastError().text();
    return false;
}

void PgServer::closeConnection()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString PgServer::databaseName(const QString &name) const
{
    return m_prefix + name;
}

Location PgServer::location(const QString &database) const
{
    return m_server.withDatabase(databaseName(database));
}

Status PgServer::exec(const QString &sql)
{
    if (m_stopped)
        return Error{u"%1: the PostgreSQL test server is stopped"_s.arg(sql)};
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(sql)) {
        return Error{u"%1: %2 (on %3)"_s.arg(sql, query.lastError().text(), m_server.describe())};
    }
    return {};
}

Status PgServer::clone(const QString &templateName, const QString &name)
{
    const QString database = databaseName(name);
    // Longer names would be cut short by the server, and location() would not find them.
    if (database.toUtf8().size() > 63)
        return Error{u"the database name %1 is longer than 63 bytes"_s.arg(database)};
    QElapsedTimer clock;
    clock.start();
    const Status created = exec(u"CREATE DATABASE %1 TEMPLATE %2"_s.arg(
        quoteIdentifier(database), quoteIdentifier(databaseName(templateName))));
    if (created)
        m_timings.cloneMs = clock.elapsed();
    return created;
}

Status PgServer::drop(const QString &name)
{
    return exec(
        u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(quoteIdentifier(databaseName(name))));
}

bool PgServer::exists(const QString &database)
{
    if (m_stopped)
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT 1 FROM pg_database WHERE datname = ?"_s);
    query.addBindValue(databaseName(database));
    return query.exec() && query.next();
}

Status PgServer::dropOwnDatabases()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT datname FROM pg_database WHERE starts_with(datname, ?)"_s);
    query.addBindValue(m_prefix);
    if (!query.exec()) {
        return Error{u"listing this process's databases on %1: %2"_s.arg(m_server.describe(),
                                                                         query.lastError().text())};
    }
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    QStringList problems;
    for (const QString &name : std::as_const(names)) {
        const Status dropped
            = exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(quoteIdentifier(name)));
        if (!dropped)
            problems.append(dropped.error());
    }
    if (!problems.isEmpty())
        return Error{problems.join(u"; "_s)};
    return {};
}

} // namespace DeltaboardTest
