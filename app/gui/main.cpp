#include "mainwindow.h"

#include "model/database.h"
#include "model/paths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace Deltaboard;

namespace {

// Renders each view to DIR/<name>.png at the window's size; false when a file cannot be written.
bool saveScreenshots(MainWindow &window, const QString &folder)
{
    const struct
    {
        MainWindow::View view;
        QString file;
    } shots[]
        = {{MainWindow::View::Board, u"board.png"_s}, {MainWindow::View::Deltas, u"deltas.png"_s}};
    bool ok = true;
    for (const auto &shot : shots) {
        window.showView(shot.view);
        // Let layouts settle and lazy models read what the view shows.
        QApplication::processEvents();
        QApplication::processEvents();
        const QString path = QDir(folder).filePath(shot.file);
        if (!window.grab().save(path)) {
            qCritical("deltaboard: cannot write %s", qPrintable(path));
            ok = false;
        }
    }
    return ok;
}

} // namespace

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
        u"db"_s,
        u"The database to open (default: the last one, or %1)."_s.arg(Paths::defaultDatabase()),
        u"PATH"_s);
    const QCommandLineOption orgOption(u"org"_s, u"Show this organisation's view."_s, u"ORG"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        u"Render the Board and Deltas views to DIR/board.png and DIR/deltas.png at 1440x900, "
        u"then exit."_s,
        u"DIR"_s);
    parser.addOption(dbOption);
    parser.addOption(orgOption);
    parser.addOption(screenshotOption);
    parser.process(app);
    const bool screenshots = parser.isSet(screenshotOption);

    QString path = parser.value(dbOption);
    if (path.isEmpty() && !screenshots)
        path = QSettings().value(u"database/last"_s).toString();
    if (path.isEmpty() || (!parser.isSet(dbOption) && !QFileInfo::exists(path)))
        path = Paths::defaultDatabase();

    auto db = Database::open(path);
    if (!db) {
        if (screenshots) {
            qCritical("deltaboard: %s", qPrintable(db.error()));
            return 1;
        }
        QMessageBox::critical(nullptr, u"Deltaboard"_s, db.error());
        return 1;
    }

    if (screenshots) {
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
        return saveScreenshots(window, folder) ? 0 : 1;
    }

    // One window per open database; opening another replaces it once the new one is open.
    QPointer<MainWindow> current;
    std::function<void(std::unique_ptr<Database>)> show;
    show = [&](std::unique_ptr<Database> opened) {
        auto *window = new MainWindow(std::move(opened));
        window->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(window, &MainWindow::openDatabaseRequested, window,
                         [&, window](const QString &next) {
                             auto nextDb = Database::open(next);
                             if (!nextDb) {
                                 QMessageBox::warning(window, u"Deltaboard"_s, nextDb.error());
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
    return QApplication::exec();
}
