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
#include <functional>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// Crash texts: ingest by signature, and the crash deltas.
namespace Deltaboard::Cli {

namespace {

Outcome cmdCrashIngest(Context &context)
{
    if (context.arguments.isEmpty())
        return usage(u"crash ingest: expected at least one FILE or DIRECTORY"_s);
    const auto texts = CrashStore::readTexts(context.arguments);
    if (!texts)
        return Failed{texts.error()};
    const auto db = openDatabase(context, true);
    if (!db)
        return Failed{db.error()};
    const auto summary = CrashStore(**db).ingest(*texts, context.parser.value(u"version"_s),
                                                 context.parser.value(u"platform"_s));
    if (!summary)
        return Failed{summary.error() + u" (nothing was stored)"_s};
    QStringList formats;
    for (auto it = summary->formats.cbegin(); it != summary->formats.cend(); ++it)
        formats.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
    context.out << u"ingested %1 crash reports (%2): %3 new crash deltas, %4 reports added to "
                   u"known signatures\n"_s.arg(summary->reports)
                       .arg(formats.join(u", "_s))
                       .arg(summary->newDeltas)
                       .arg(summary->reports - summary->newDeltas);
    return {};
}

Outcome cmdCrashList(Context &context)
{
    Outcome failure;
    const auto request = readRequest(context, &failure);
    if (!request)
        return failure;
    const auto rows = CrashStore(*request->db).summaries();
    if (!rows)
        return Failed{rows.error()};
    if (request->json) {
        QJsonArray array;
        for (const CrashSummary &row : *rows) {
            array.append(QJsonObject{
                {u"id"_s, row.deltaId},
                {u"signature"_s, row.signature},
                {u"title"_s, row.title},
                {u"state"_s, Levels::stateName(row.state)},
                {u"reports"_s, row.reports},
                {u"first_seen"_s, row.firstSeen},
                {u"last_seen"_s, row.lastSeen},
                {u"versions"_s, QJsonArray::fromStringList(row.versions)},
                {u"platforms"_s, QJsonArray::fromStringList(row.platforms)},
                {u"regressed"_s, row.regressed},
                {u"fixed_in"_s,
                 row.fixedIn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.fixedIn)},
                {u"regressed_in"_s, row.regressedIn.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(row.regressedIn)}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return {};
    }
    if (rows->isEmpty()) {
        context.out << "no crash reports yet: 'crash ingest FILE...' adds some\n";
        return {};
    }
    TablePrinter table({u"ID"_s, u"REPORTS"_s, u"FIRST SEEN"_s, u"LAST SEEN"_s, u"VERSIONS"_s,
                        u"PLATFORMS"_s, u"FLAG"_s, u"SIGNATURE"_s},
                       {0, 0, 0, 0, 24, 24, 0, 70});
    for (const CrashSummary &row : *rows) {
        table.addRow(
            {QString::number(row.deltaId), QString::number(row.reports), row.firstSeen.left(10),
             row.lastSeen.left(10), row.versions.join(u", "_s), row.platforms.join(u", "_s),
             row.regressed
                 ? u"REGRESSED (fixed in %1, seen in %2)"_s.arg(row.fixedIn, row.regressedIn)
                 : QString(),
             row.signature});
    }
    table.print(context.out);
    return {};
}

} // namespace

QList<Command> crashCommands()
{
    return {
        {u"crash ingest"_s,
         u"PATH..."_s,
         u"Parse crash texts (files or directories) and file each under its signature's crash "
         u"delta, in one transaction."_s,
         {{u"version"_s, u"The product version of these reports."_s, u"V"_s},
          {u"platform"_s, u"The platform of these reports."_s, u"P"_s}},
         cmdCrashIngest},
        {u"crash list"_s,
         {},
         u"Crash deltas by report count: first/last seen, versions, platforms, regressions."_s,
         {formatOption()},
         cmdCrashList},
    };
}

} // namespace Deltaboard::Cli
