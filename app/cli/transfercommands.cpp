#include "command.h"
#include "commentstore.h"
#include "crashparser.h"
#include "crashstore.h"
#include "database.h"
#include "deltastore.h"
#include "demogenerator.h"
#include "flowreports.h"
#include "groupstore.h"
#include "history.h"
#include "historyformatter.h"
#include "inputfile.h"
#include "inputtext.h"
#include "integritycheck.h"
#include "jsondump.h"
#include "levels.h"
#include "migrator.h"
#include "organisationstore.h"
#include "paths.h"
#include "reports.h"
#include "tableprinter.h"
#include "taskstore.h"
#include "trackerimport.h"
#include "triagereports.h"
#include "triagestore.h"
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <functional>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// Moving records in and out: the JSON export and restore, other trackers' exports.
namespace Deltaboard::Cli {

namespace {

Outcome cmdExport(Context &context)
{
    if (context.arguments.size() != 1)
        return usage(u"export: expected one FILE"_s);
    const auto db = openDatabase(context, false);
    if (!db)
        return Failed{db.error()};
    if (const Status exported = JsonDump(**db).exportTo(context.arguments.first()); !exported)
        return Failed{exported.error()};
    context.out << "exported " << context.databasePath << " to " << context.arguments.first()
                << '\n';
    return {};
}

// Files from another tracker: detected, mapped, one transaction for the run.
Outcome importFromTrackers(Context &context)
{
    for (const QString &file : std::as_const(context.arguments)) {
        if (!QFileInfo(file).isFile())
            return Failed{u"cannot read %1: no such file"_s.arg(file)};
    }
    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    ImportOptions options;
    options.dryRun = context.parser.isSet(u"dry-run"_s);
    options.organisation = context.parser.value(u"org"_s);
    const bool dryRun = options.dryRun;
    // "NAME=VALUE" options: each split at its first '='.
    const auto pairs = [&context](const QString &option, const QString &shape,
                                  QList<std::pair<QString, QString>> *out) -> Outcome {
        for (const QString &mapping : context.parser.values(option)) {
            const qsizetype equals = mapping.indexOf(u'=');
            if (equals <= 0 || equals == mapping.size() - 1)
                return usage(u"import: --%1 expects %2, not \"%3\""_s.arg(option, shape, mapping));
            out->append({mapping.left(equals), mapping.mid(equals + 1)});
        }
        return {};
    };
    QList<std::pair<QString, QString>> targets, priorities, statuses;
    if (const Outcome bad = pairs(u"map-target"_s, u"TARGET=ORG"_s, &targets))
        return bad;
    if (const Outcome bad = pairs(u"map-priority"_s, u"NAME=LEVEL"_s, &priorities))
        return bad;
    if (const Outcome bad = pairs(u"map-status"_s, u"STATUS=COLUMN"_s, &statuses))
        return bad;
    for (const auto &[target, organisation] : std::as_const(targets))
        options.targetOrganisations.insert(target, organisation);
    for (const auto &[name, level] : std::as_const(priorities)) {
        const auto known = Levels::priorityFromName(level.toLower());
        if (!known && level.compare(u"none"_s, Qt::CaseInsensitive) != 0) {
            return usage(u"import: --map-priority %1: expected one of %2 or none, not \"%3\""_s.arg(
                name, Levels::priorityNames().join(u", "_s), level));
        }
        options.priorityLevels.insert(name, known.value_or(-1));
    }
    for (const auto &[status, column] : std::as_const(statuses))
        options.statusColumns.insert(status, column);
    options.format = context.parser.value(u"format"_s);
    options.csvSource = context.parser.value(u"source"_s);
    for (const QString &mapping : context.parser.values(u"column"_s)) {
        const qsizetype equals = mapping.indexOf(u'=');
        const QString field = mapping.left(equals);
        if (equals <= 0 || equals == mapping.size() - 1
            || !TrackerImport::csvFields().contains(field))
            return usage(
                u"import: --column expects FIELD=HEADER with FIELD one of %1, not \"%2\""_s.arg(
                    TrackerImport::csvFields().join(u", "_s), mapping));
        options.csvColumns.insert(field, mapping.mid(equals + 1));
    }
    const auto summary = TrackerImport(**db).importFiles(context.arguments, options);
    if (!summary)
        return Failed{summary.error() + u" (nothing was imported)"_s};
    context.out << u"%1\n"_s.arg(summary->formats.join(u"\n"_s));
    context.out << u"deltas: %1 new, %2 updated, %3 unchanged; %4 pull requests skipped\n"_s
                       .arg(summary->created)
                       .arg(summary->updated)
                       .arg(summary->unchanged)
                       .arg(summary->skipped);
    context.out << u"tasks: %1 new, %2 updated, %3 unchanged; priorities: %4 set; comments: %5 "
                   u"new, %6 unchanged%7\n"_s.arg(summary->tasksCreated)
                       .arg(summary->tasksUpdated)
                       .arg(summary->tasksUnchanged)
                       .arg(summary->priorities)
                       .arg(summary->commentsCreated)
                       .arg(summary->commentsUnchanged)
                       .arg(dryRun ? u" (dry run: nothing was written)"_s : QString());
    for (const QString &warning : std::as_const(summary->warnings))
        context.out << u"warning: %1\n"_s.arg(InputText::oneLine(warning));
    return {};
}

Outcome cmdImport(Context &context)
{
    if (context.arguments.isEmpty())
        return usage(u"import: expected at least one FILE"_s);
    // A Deltaboard export is restored; anything else is another tracker's export.
    // Only a regular file is opened to look (a named pipe would block); anything else is
    // refused by name.
    for (const QString &file : std::as_const(context.arguments)) {
        if (const QString why = InputFile::notARegularFile(file); !why.isEmpty())
            return Failed{why + u" (nothing was imported)"_s};
    }
    QFile head(context.arguments.first());
    const bool isDump = head.open(QIODevice::ReadOnly)
                        && head.read(256).contains("\"format\": \"deltaboard-export\"");
    if (!isDump)
        return importFromTrackers(context);
    if (context.arguments.size() != 1)
        return usage(u"import: a Deltaboard export is restored on its own"_s);
    const QString file = context.arguments.first();
    if (!QFileInfo(file).isFile())
        return Failed{u"cannot read %1: no such file"_s.arg(file)};
    const bool existed = QFileInfo::exists(context.databasePath);
    auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    const Status imported = JsonDump(**db).importFrom(file);
    if (!imported) {
        // A database this run created and could not fill is removed, not left behind empty.
        if (!existed) {
            db.value().reset();
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                QFile::remove(context.databasePath + suffix);
        }
        return Failed{imported.error()};
    }
    context.out << "imported " << file << " into " << context.databasePath << '\n';
    return {};
}

// A whole workspace from one database to another (file or PostgreSQL, either way): the source
// is written to an export in a temporary file and streamed into the target in one transaction,
// so memory stays bounded whatever the size, and the target gets everything or nothing.
Outcome cmdCopy(Context &context)
{
    const QString from = context.parser.value(u"from"_s);
    const QString to = context.parser.value(u"to"_s);
    if (from.isEmpty() || to.isEmpty() || !context.arguments.isEmpty())
        return usage(u"copy: expected --from DATABASE --to DATABASE"_s);
    Database::Options options = databaseOptions(context);
    options.createIfMissing = false;
    auto source = Database::open(from, options);
    if (!source)
        return Failed{source.error()};
    const bool targetIsFile = !Location::isUrl(to);
    const bool existed = targetIsFile && QFileInfo::exists(to);
    options.createIfMissing = true;
    auto target = Database::open(to, options);
    if (!target)
        return Failed{target.error()};
    const auto removeNewFile = [&] {
        if (!targetIsFile || existed)
            return;
        target.value().reset();
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(to + suffix);
    };
    QElapsedTimer timer;
    timer.start();
    QTemporaryDir folder;
    if (!folder.isValid())
        return Failed{u"copy: cannot make a temporary folder: %1"_s.arg(folder.errorString())};
    const QString dump = folder.filePath(u"copy.json"_s);
    if (const Status exported = JsonDump(**source).exportTo(dump); !exported) {
        removeNewFile();
        return Failed{
            u"copy: cannot read %1: %2"_s.arg((*source)->describeLocation(), exported.error())};
    }
    source.value().reset();
    qint64 records = 0;
    const Status restored = JsonDump(**target).importFrom(dump, [&records](qint64 done, qint64) {
        records = done;
        return true;
    });
    if (!restored) {
        removeNewFile();
        return Failed{u"copy: nothing was written to %1: %2"_s.arg(to, restored.error())};
    }
    context.out << "copied " << records << " records from " << from << " to " << to << " in "
                << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) << " s\n";
    return {};
}

} // namespace

QList<Command> transferCommands()
{
    return {
        {u"export"_s, u"FILE"_s, u"Write the whole database to a JSON file."_s, {}, cmdExport},
        {u"copy"_s,
         QString(),
         u"Copy a whole workspace from one database to another, each a file or a PostgreSQL "
         u"URL (the target new or empty); one transaction on the target. --db is not used."_s,
         {{u"from"_s, u"The database to copy."_s, u"DATABASE"_s},
          {u"to"_s, u"The database to fill."_s, u"DATABASE"_s}},
         cmdCopy},
        {u"import"_s,
         u"FILE..."_s,
         u"Restore a Deltaboard JSON export into an empty (or new) database, or import other "
         u"trackers' exports (GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac, Trello, CSV): "
         u"new records created, known ones updated, all in one transaction."_s,
         {{u"dry-run"_s, u"Read, map and count, but write nothing."_s},
          {u"format"_s,
           u"The files' format instead of detecting it: "_s + TrackerImport::formats().join(u", "_s)
               + u"."_s,
           u"FORMAT"_s},
          {u"map-target"_s, u"Launchpad target to organisation (repeatable)."_s, u"TARGET=ORG"_s},
          {u"map-priority"_s,
           u"A tracker's priority or importance name to a level: untriaged, low, medium, high, "
           u"critical, or none to leave it out (repeatable)."_s,
           u"NAME=LEVEL"_s},
          {u"map-status"_s, u"A Launchpad task status to a board column by name (repeatable)."_s,
           u"STATUS=COLUMN"_s},
          {u"org"_s,
           u"The organisation whose priorities (Jira, Bugzilla, Redmine, Trac) or board "
           u"(Trello) the export holds."_s,
           u"ORG"_s},
          {u"column"_s,
           u"A CSV's column for a field (repeatable); fields: "_s
               + TrackerImport::csvFields().join(u", "_s)
               + u". Unnamed fields are found by common header names."_s,
           u"FIELD=HEADER"_s},
          {u"source"_s,
           u"The tracker a generic CSV comes from, kept with each record's id (default: csv)."_s,
           u"NAME"_s}},
         cmdImport},
    };
}

} // namespace Deltaboard::Cli
