#include "mainwindow.h"

#include "model/database.h"
#include "model/paths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"deltaboard"_s);
    QApplication::setApplicationDisplayName(u"Deltaboard"_s);
    QApplication::setApplicationVersion(QStringLiteral(DELTABOARD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Deltaboard: reports apart from commitments."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        u"db"_s, u"The database to open (default: %1)."_s.arg(Deltaboard::Paths::defaultDatabase()),
        u"PATH"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, u"Render the main window to DIR/main.png at 1440x900 and exit."_s,
        u"DIR"_s);
    parser.addOption(dbOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const QString path
        = parser.isSet(dbOption) ? parser.value(dbOption) : Deltaboard::Paths::defaultDatabase();
    auto db = Deltaboard::Database::open(path);
    if (!db) {
        if (parser.isSet(screenshotOption)) {
            qCritical("deltaboard: %s", qPrintable(db.error()));
            return 1;
        }
        QMessageBox::critical(nullptr, u"Deltaboard"_s, db.error());
        return 1;
    }

    Deltaboard::MainWindow window(std::move(db).value());
    window.resize(1440, 900);
    if (parser.isSet(screenshotOption)) {
        const QString folder = parser.value(screenshotOption);
        if (!QDir().mkpath(folder)) {
            qCritical("deltaboard: cannot create %s", qPrintable(folder));
            return 1;
        }
        window.show();
        QTimer::singleShot(0, &window, [&] {
            const bool saved = window.grab().save(folder + u"/main.png"_s);
            if (!saved)
                qCritical("deltaboard: cannot write %s/main.png", qPrintable(folder));
            QApplication::exit(saved ? 0 : 1);
        });
        return QApplication::exec();
    }
    window.show();
    return QApplication::exec();
}
