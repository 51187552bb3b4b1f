#include "cli.h"
#include "database.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Deltaboard::Database::quietDriverNoise();
    QCoreApplication::setApplicationName(QStringLiteral("deltaboard-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DELTABOARD_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const int code = Deltaboard::Cli::run(arguments, out, err);
    out.flush();
    err.flush();
    return code;
}
