#include "pgserver.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdlib>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// A test process for pgservertest, which kills it or watches it end. It starts the shared
// PostgreSQL test server, prints 'ready FOLDER' (or 'error: MESSAGE' and exits 1), then:
//   wait    reads stdin until it closes, then exits normally (or is killed before that);
//   abort   aborts;
//   clone   makes a database 'tpl' and a clone of it, 'copy', prints 'made NAME' (the clone's
//           name on the server) and exits normally;
//   exit    exits normally at once.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString mode = app.arguments().value(1);
    QTextStream out(stdout);
    const auto server = DeltaboardTest::PgServer::shared();
    if (!server) {
        out << "error: " << server.error() << Qt::endl;
        return 1;
    }
    out << "ready " << (*server)->folder() << Qt::endl;
    if (mode == u"abort"_s) {
        const rlimit noCore = {0, 0}; // a test's abort needs no core file
        ::setrlimit(RLIMIT_CORE, &noCore);
        std::abort();
    }
    if (mode == u"clone"_s) {
        DeltaboardTest::PgServer *pg = *server;
        Deltaboard::Status made
            = pg->exec(u"CREATE DATABASE \"%1\""_s.arg(pg->databaseName(u"tpl"_s)));
        if (made)
            made = pg->clone(u"tpl"_s, u"copy"_s);
        if (!made) {
            out << "error: " << made.error() << Qt::endl;
            return 1;
        }
        out << "made " << pg->databaseName(u"copy"_s) << Qt::endl;
    }
    if (mode == u"wait"_s) {
        char buffer[256];
        while (::read(STDIN_FILENO, buffer, sizeof buffer) > 0) {
        }
    }
    return 0;
}
