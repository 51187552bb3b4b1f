#pragma once

#include "location.h"
#include "result.h"

#include <QString>

#include <memory>

// A throwaway PostgreSQL server for the tests: one cluster per test process, made by initdb in
// a temporary folder, reachable only through a Unix socket in that folder, and gone when the
// process ends, however it ends.
//
// The cluster is owned by a small watchdog shell (see pgserver.cpp) that is not a child of the
// test process: it holds one end of a socket pair and the test process the other. When that
// socket closes (a normal stop, an exit, a crash, SIGKILL, ctest killing the test's process tree
// on a timeout), the watchdog stops postgres and removes the folder.
//
// DELTABOARD_TEST_PG=<libpq URL> makes the tests use a server that is already running instead
// (scripts/pg-dev-server starts one); when that server cannot be reached, shared() fails: it never
// falls back to a server of its own.
namespace DeltaboardTest {

class Watchdog;

class PgServer
{
public:
    // The server of this test process: started on first call and stopped at exit, or the one
    // DELTABOARD_TEST_PG names. On failure: an error with the server's log (tail) in it; the
    // failure is remembered, so later calls fail at once with the same error. Not thread-safe:
    // call it from the test's main thread.
    static Deltaboard::Result<PgServer *> shared();

    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    // Database names below are the test's own: on the server each is prefixed with this
    // process's id ('t4242_' + name, see databaseName()), so test processes sharing one server
    // (DELTABOARD_TEST_PG with ctest -j2) never collide.
    QString databaseName(const QString &name) const;

    // A Location (model/storage/location.h) for a database on this server.
    Deltaboard::Location location(const QString &database) const;
    // Runs one statement on the maintenance database 'postgres' (CREATE/DROP DATABASE…). The
    // statement is run as it is: names in it are not prefixed.
    Deltaboard::Status exec(const QString &sql);
    // CREATE DATABASE name TEMPLATE templateName. Nothing may be connected to the template: the
    // server waits 5 s for such connections to end, then fails.
    Deltaboard::Status clone(const QString &templateName, const QString &name);
    // DROP DATABASE IF EXISTS name WITH (FORCE): connections to it are ended.
    Deltaboard::Status drop(const QString &name);
    bool exists(const QString &database);

    // Stops the throwaway server (fast shutdown: every client's connection ends) and starts it
    // again on the same folder, then waits until it accepts connections: what clients see when
    // a server restarts. Refused on a reused server (DELTABOARD_TEST_PG).
    Deltaboard::Status restart();

    // True when DELTABOARD_TEST_PG was used.
    bool reused() const { return m_reused; }
    // The throwaway cluster's folder: data/, server.log and the socket (empty when reused).
    const QString &folder() const { return m_folder; }

    // Milliseconds; -1 when not measured. startMs runs from the launch to the first successful
    // connection, initdb included; cloneMs is the last clone's.
    struct Timings
    {
        qint64 initdbMs = -1;
        qint64 startMs = -1;
        qint64 cloneMs = -1;
        qint64 stopMs = -1;
    };
    const Timings &timings() const { return m_timings; }

    // Stops the server now (normally done at exit); for tests of the fixture itself. A throwaway
    // server is stopped and its folder removed; on a reused server the databases this process
    // made are dropped and the server is left running. Calls after the first do nothing.
    Deltaboard::Status stop();

private:
    PgServer();

    Deltaboard::Status startThrowaway();
    Deltaboard::Status attach(const QString &url);
    // The error for a start that failed: what happened, the watchdog's messages and the log's
    // tail; everything started so far is stopped and removed before it returns.
    Deltaboard::Error abandon(const QString &what);
    // Closes the socket to the watchdog and waits until it has stopped postgres and removed
    // the folder; says what is left behind, if anything.
    QString stopWatchdog();
    Deltaboard::Status dropOwnDatabases();
    // Opens the connection to 'postgres' (the readiness test, too).
    bool open(QString *error);
    void closeConnection();

    bool m_reused = false;
    bool m_stopped = false;
    QString m_prefix;              // 't<pid>_'
    QString m_connection;          // the QSqlDatabase connection to 'postgres'
    Deltaboard::Location m_server; // the maintenance database 'postgres'
    QString m_folder;
    qint64 m_postgresPid = 0;
    std::unique_ptr<Watchdog> m_watchdog; // null when reused
    Timings m_timings;
};

} // namespace DeltaboardTest
