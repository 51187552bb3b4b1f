// What a distribution installs (the CMake install rules a Debian package is built from) and what
// the desktop makes of it: the files land under PREFIX, the desktop entry and the AppStream
// metadata pass their validators, the man pages render without warnings and name every
// command, the bash completion completes, a Deltaboard database is recognised by its MIME type,
// and the installed programs run and find their translations.

#include "testmain.h"

#include "database.h"
#include "organisationstore.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Deltaboard;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(120000)) {
        result.err = u"%1 did not finish: %2"_s.arg(program, process.errorString());
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// A tool the test needs, or the test fails saying which package brings it (scripts/setup
// installs them).
QString tool(const char *name)
{
    const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    if (path.isEmpty())
        qWarning("%s is not installed (scripts/setup installs it)", name);
    return path;
}

} // namespace

class InstallTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_usr; // DESTDIR/usr

    QString installed(const QString &relative) const { return m_usr + u'/' + relative; }

    // Completion candidates for a command line (its last word being completed), from the
    // installed script, with 'db' the database the words name.
    QStringList complete(const QStringList &words) const
    {
        const QString script
            = u"source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); "
              u"_deltaboard_cli; echo ${#COMPREPLY[@]}; printf '%s\\n' \"${COMPREPLY[@]}\""_s;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PATH"_s, installed(u"bin"_s) + u':' + environment.value(u"PATH"_s));
        const Run result
            = run(u"bash"_s,
                  QStringList{u"-c"_s, script, u"completion"_s,
                              installed(u"share/bash-completion/completions/deltaboard-cli"_s)}
                      + words,
                  environment);
        if (result.code != 0)
            qWarning("completion failed: %s", qPrintable(result.err));
        // The number of candidates first: each candidate is one (a list run into one string
        // would print the same lines).
        QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
        const qsizetype count = lines.isEmpty() ? -1 : lines.takeFirst().toInt();
        if (count != lines.size()) {
            qWarning("%lld candidates for %lld lines: %s", static_cast<long long>(count),
                     static_cast<long long>(lines.size()), qPrintable(result.out));
            return {u"<not one candidate a line>"_s};
        }
        return lines;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DESTDIR"_s, m_root.path());
        const Run install
            = run(QStringLiteral(DELTABOARD_CMAKE),
                  {u"--install"_s, QStringLiteral(DELTABOARD_BUILD_DIR), u"--prefix"_s, u"/usr"_s},
                  environment);
        QVERIFY2(install.code == 0, qPrintable(install.out + install.err));
        m_usr = m_root.path() + u"/usr"_s;
    }

    void shouldInstallEverythingUnderThePrefix()
    {
        const QStringList expected = {
            u"bin/deltaboard"_s,
            u"bin/deltaboard-cli"_s,
            u"share/applications/deltaboard.desktop"_s,
            u"share/metainfo/io.github.deltaboard.Deltaboard.metainfo.xml"_s,
            u"share/mime/packages/deltaboard.xml"_s,
            u"share/icons/hicolor/scalable/apps/deltaboard.svg"_s,
            u"share/man/man1/deltaboard.1"_s,
            u"share/man/man1/deltaboard-cli.1"_s,
            u"share/bash-completion/completions/deltaboard-cli"_s,
            u"share/deltaboard/translations/deltaboard_de.qm"_s,
        };
        for (const QString &file : expected)
            QVERIFY2(QFileInfo(installed(file)).isFile(),
                     qPrintable(file + u" is not installed"_s));
        // Nothing outside the prefix, and no test or benchmark program.
        QCOMPARE(QDir(m_root.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{u"usr"_s});
        QCOMPARE(QDir(installed(u"bin"_s)).entryList(QDir::Files),
                 (QStringList{u"deltaboard"_s, u"deltaboard-cli"_s}));
        // Each rendered icon is the size its folder says.
        for (int size : {16, 24, 32, 48, 64, 128, 256}) {
            const QImage icon(
                installed(u"share/icons/hicolor/%1x%1/apps/deltaboard.png"_s.arg(size)));
            QVERIFY2(!icon.isNull(), qPrintable(u"no %1 px icon"_s.arg(size)));
            QCOMPARE(icon.size(), QSize(size, size));
        }
    }

    void shouldPassTheDesktopValidators()
    {
        const QString desktopValidate = tool("desktop-file-validate");
        QVERIFY(!desktopValidate.isEmpty());
        const Run desktop
            = run(desktopValidate, {installed(u"share/applications/deltaboard.desktop"_s)});
        QVERIFY2(desktop.code == 0 && desktop.out.trimmed().isEmpty(),
                 qPrintable(desktop.out + desktop.err));

        const QString appstream = tool("appstreamcli");
        QVERIFY(!appstream.isEmpty());
        const Run metainfo
            = run(appstream,
                  {u"validate"_s, u"--no-net"_s, u"--pedantic"_s,
                   installed(u"share/metainfo/io.github.deltaboard.Deltaboard.metainfo.xml"_s)});
        QVERIFY2(metainfo.code == 0, qPrintable(metainfo.out + metainfo.err));
        // Pedantic notes are fine (the id's capitals are the reverse-DNS convention); no warning
        // or error is.
        QVERIFY2(!metainfo.out.contains(u"\nW:"_s) && !metainfo.out.startsWith(u"W:"_s)
                     && !metainfo.out.contains(u"\nE:"_s) && !metainfo.out.startsWith(u"E:"_s),
                 qPrintable(metainfo.out));
        // The screenshots it lists are the ones in docs/screenshots, at their real size.
        QFile file(installed(u"share/metainfo/io.github.deltaboard.Deltaboard.metainfo.xml"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(file.readAll());
        static const QRegularExpression image(
            uR"re(<image type="source" width="(\d+)" height="(\d+)">[^<]*/docs/screenshots/([\w-]+\.png)</image>)re"_s);
        int screenshots = 0;
        for (auto it = image.globalMatch(xml); it.hasNext(); ++screenshots) {
            const auto match = it.next();
            const QImage shot(QStringLiteral(DELTABOARD_SOURCE_DIR) + u"/docs/screenshots/"_s
                              + match.captured(3));
            QVERIFY2(!shot.isNull(), qPrintable(match.captured(3)));
            QCOMPARE(shot.size(), QSize(match.captured(1).toInt(), match.captured(2).toInt()));
        }
        QVERIFY(screenshots >= 3);
    }

    void shouldRenderManPagesThatNameEveryCommand()
    {
        const QString groff = tool("groff");
        QVERIFY(!groff.isEmpty());
        for (const QString &page : {u"deltaboard.1"_s, u"deltaboard-cli.1"_s}) {
            // -ww: every warning; -z: no output, only the diagnostics.
            const Run rendered = run(groff, {u"-man"_s, u"-Tutf8"_s, u"-ww"_s, u"-z"_s,
                                             installed(u"share/man/man1/"_s + page)});
            QVERIFY2(rendered.code == 0 && rendered.err.trimmed().isEmpty(),
                     qPrintable(page + u": "_s + rendered.err));
        }
        // The man page is made from the table --help is: every command of the overview is in it.
        const Run help = run(installed(u"bin/deltaboard-cli"_s), {u"--help"_s});
        QCOMPARE(help.code, 0);
        const Run text = run(groff, {u"-man"_s, u"-Tascii"_s, u"-P-cbou"_s,
                                     installed(u"share/man/man1/deltaboard-cli.1"_s)});
        QCOMPARE(text.code, 0);
        const QString manual = text.out.simplified();
        static const QRegularExpression commandLine(u"^  ([a-z][a-z -]*?)(?:  | [A-Z\\[])"_s,
                                                    QRegularExpression::MultilineOption);
        int commands = 0;
        for (auto it = commandLine.globalMatch(help.out); it.hasNext(); ++commands) {
            const QString words = it.next().captured(1).trimmed();
            QVERIFY2(manual.contains(words), qPrintable(u"the man page lacks '%1'"_s.arg(words)));
        }
        QVERIFY2(commands > 40, qPrintable(help.out));
        QVERIFY(manual.contains(u"EXIT STATUS"_s));
        // The app's page is its --help's options.
        const Run appPage = run(groff, {u"-man"_s, u"-Tascii"_s, u"-P-cbou"_s,
                                        installed(u"share/man/man1/deltaboard.1"_s)});
        for (const QString &option : {u"--db"_s, u"--org"_s, u"--screenshot"_s, u"--import"_s})
            QVERIFY2(appPage.out.contains(option), qPrintable(option));
    }

    void shouldCompleteCommandsOptionsOrganisationsAndFormats()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"team.sqlite"_s);
        {
            auto db = Database::open(path);
            QVERIFY2(db, qPrintable(db.error()));
            OrganisationStore organisations(**db);
            QVERIFY(organisations.create(u"Kestrel Systems"_s));
            QVERIFY(organisations.create(u"Brook Labs"_s));
        }
        QCOMPARE(complete({u"deltaboard-cli"_s, u"lis"_s}), QStringList{u"list"_s});
        QVERIFY(complete({u"deltaboard-cli"_s, u"list"_s, QString()}).contains(u"deltas"_s));
        QCOMPARE(complete({u"deltaboard-cli"_s, u"list"_s, u"deltas"_s, u"--st"_s}),
                 QStringList{u"--state"_s});
        QCOMPARE(complete({u"deltaboard-cli"_s, u"list"_s, u"deltas"_s, u"--state"_s, u"re"_s}),
                 QStringList{u"resolved"_s});
        QCOMPARE(complete({u"deltaboard-cli"_s, u"list"_s, u"deltas"_s, u"--format"_s, QString()}),
                 (QStringList{u"table"_s, u"json"_s}));
        QCOMPARE(complete({u"deltaboard-cli"_s, u"import"_s, u"--format"_s, u"jira"_s}),
                 (QStringList{u"jira-csv"_s, u"jira-xml"_s}));
        QCOMPARE(complete({u"deltaboard-cli"_s, u"team"_s, u"grant"_s, u"ana"_s, u"r"_s}),
                 QStringList{u"reporter"_s});
        // An option's value with no list gets nothing (not files, not commands).
        QVERIFY(complete({u"deltaboard-cli"_s, u"crash"_s, u"ingest"_s, u"--version"_s, QString()})
                    .isEmpty());
        QVERIFY(complete({u"deltaboard-cli"_s, u"--wait"_s, QString()}).isEmpty());
        QVERIFY(complete({u"deltaboard-cli"_s, QString()}).size() > 10);
        // Organisations come from the database --db names, quoted for the shell.
        QCOMPARE(complete({u"deltaboard-cli"_s, u"--db"_s, path, u"list"_s, u"deltas"_s, u"--org"_s,
                           u"K"_s}),
                 QStringList{u"Kestrel\\ Systems"_s});
        QCOMPARE(complete({u"deltaboard-cli"_s, u"--db"_s, path, u"list"_s, u"deltas"_s, u"--org"_s,
                           QString()}),
                 (QStringList{u"Brook\\ Labs"_s, u"Kestrel\\ Systems"_s}));
        // What was typed with the shell's backslash still matches.
        QCOMPARE(complete({u"deltaboard-cli"_s, u"--db"_s, path, u"list"_s, u"deltas"_s, u"--org"_s,
                           u"Kestrel\\ S"_s}),
                 QStringList{u"Kestrel\\ Systems"_s});
        // A database that is not there is not made by a Tab.
        const QString missing = folder.filePath(u"missing.sqlite"_s);
        QVERIFY(complete({u"deltaboard-cli"_s, u"--db"_s, missing, u"list"_s, u"deltas"_s,
                          u"--org"_s, QString()})
                    .isEmpty());
        QVERIFY(!QFileInfo::exists(missing));
    }

    void shouldRecogniseADeltaboardDatabaseByItsContent()
    {
        // As the package's install does (dpkg's trigger runs update-mime-database on
        // /usr/share/mime): one MIME database made of the system's types and the installed one,
        // which the desktop (GLib, Qt) reads from XDG_DATA_DIRS. (Qt 6.4 does not let a folder
        // listed before /usr/share refine a type /usr/share has: one database is what works.)
        const QString updateMime = tool("update-mime-database");
        QVERIFY(!updateMime.isEmpty());
        QTemporaryDir system;
        const QString packages = system.filePath(u"mime/packages"_s);
        QVERIFY(QDir().mkpath(packages));
        QVERIFY(QFile::copy(u"/usr/share/mime/packages/freedesktop.org.xml"_s,
                            packages + u"/freedesktop.org.xml"_s));
        QVERIFY(QFile::copy(installed(u"share/mime/packages/deltaboard.xml"_s),
                            packages + u"/deltaboard.xml"_s));
        const Run update = run(updateMime, {system.filePath(u"mime"_s)});
        QVERIFY2(update.code == 0, qPrintable(update.err));
        qputenv("XDG_DATA_HOME", system.filePath(u"nothing"_s).toUtf8());
        qputenv("XDG_DATA_DIRS", system.path().toUtf8());
        QTemporaryDir folder;
        const QString ours = folder.filePath(u"work.sqlite"_s);
        QVERIFY(Database::open(ours));
        const QString other = folder.filePath(u"other.sqlite"_s);
        {
            QSqlDatabase plain = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plain"_s);
            plain.setDatabaseName(other);
            QVERIFY(plain.open());
            QVERIFY(plain.exec(u"CREATE TABLE t(x)"_s).lastError().type() == QSqlError::NoError);
            plain.close();
        }
        QSqlDatabase::removeDatabase(u"plain"_s);
        const QMimeDatabase mime;
        QVERIFY2(mime.mimeTypeForName(u"application/x-deltaboard"_s).isValid(),
                 "the installed MIME package is not read");
        QCOMPARE(mime.mimeTypeForFile(ours, QMimeDatabase::MatchContent).name(),
                 u"application/x-deltaboard"_s);
        QVERIFY(mime.mimeTypeForFile(ours).inherits(u"application/vnd.sqlite3"_s));
        QCOMPARE(mime.mimeTypeForFile(other, QMimeDatabase::MatchContent).name(),
                 u"application/vnd.sqlite3"_s);
        QCOMPARE(mime.mimeTypeForFile(u"board.deltaboard"_s, QMimeDatabase::MatchExtension).name(),
                 u"application/x-deltaboard"_s);
        // The desktop entry opens that type, with the file as its argument.
        QFile desktop(installed(u"share/applications/deltaboard.desktop"_s));
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(desktop.readAll());
        QVERIFY(entry.contains(u"MimeType=application/x-deltaboard;"_s));
        QVERIFY(entry.contains(u"Exec=deltaboard %f"_s));
    }

    void shouldRunInstalledAndFindItsTranslations()
    {
        const Run version = run(installed(u"bin/deltaboard-cli"_s), {u"--version"_s});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith(u"deltaboard-cli "_s));
        // The app's man page is printed by the installed app (no display needed).
        const Run page = run(installed(u"bin/deltaboard"_s), {u"--man-page"_s});
        QCOMPARE(page.code, 0);
        QFile file(installed(u"share/man/man1/deltaboard.1"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(page.out, QString::fromUtf8(file.readAll()));
        // The installed app finds its installed translation: its --help in German.
        QProcessEnvironment german = QProcessEnvironment::systemEnvironment();
        german.insert(u"LANGUAGE"_s, u"de"_s);
        german.insert(u"LANG"_s, u"de_DE.UTF-8"_s);
        german.remove(u"LC_ALL"_s);
        german.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        german.insert(u"XDG_CONFIG_HOME"_s, m_root.filePath(u"config"_s));
        const Run help = run(installed(u"bin/deltaboard"_s), {u"--help"_s}, german);
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(u"Die Ansicht dieser Organisation zeigen."_s),
                 qPrintable(help.out));
    }
};

DELTABOARD_TEST_MAIN(InstallTest)
#include "installtest.moc"
