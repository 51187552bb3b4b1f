#include "command.h"
#include "commentstore.h"
#include "crashparser.h"
#include "crashstore.h"
#include "crashtype.h"
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

// "a.png, b.zip, … and 3 more": the names of skipped files, at most ten.
QString someNames(const QStringList &names)
{
    constexpr int kShown = 10;
    QString text = names.mid(0, kShown).join(u", "_s);
    if (names.size() > kShown)
        text += u", … and %1 more"_s.arg(names.size() - kShown);
    return text;
}

Outcome cmdCrashIngest(Context &context)
{
    if (context.arguments.isEmpty())
        return usage(u"crash ingest: expected at least one FILE or DIRECTORY"_s);
    const bool keepGoing = context.parser.isSet(u"keep-going"_s);
    const CrashFiles files = CrashStore::collectTexts(context.arguments);
    // Skipping is not failing, but it is said: the files a directory walk left out.
    if (!files.skipped.isEmpty()) {
        context.out << (files.skipped.size() == 1
                            ? u"note: skipped 1 file that is not a crash text: %1\n"_s.arg(
                                files.skipped.first())
                            : u"note: skipped %1 files that are not crash texts: %2\n"_s
                                  .arg(files.skipped.size())
                                  .arg(someNames(files.skipped)));
    }
    QStringList refused = files.refused;
    for (const QString &directory : files.emptyDirectories)
        refused.append(u"%1: the directory holds no files"_s.arg(directory));
    if (files.texts.isEmpty() && refused.isEmpty()) {
        return Failed{u"no crash texts to ingest in %1 (every file was skipped)"_s.arg(
            context.arguments.join(u", "_s))};
    }
    IngestSummary summary;
    summary.stored = refused.isEmpty() || keepGoing;
    if (summary.stored && !files.texts.isEmpty()) {
        const auto db = openDatabase(context, true);
        if (!db)
            return Failed{db.error()};
        const auto ingested = CrashStore(**db).ingest(
            files.texts, IngestOptions{context.parser.value(u"version"_s),
                                       context.parser.value(u"platform"_s), keepGoing});
        if (!ingested)
            return Failed{ingested.error() + u" (nothing was stored)"_s};
        summary = *ingested;
    } else if (!files.texts.isEmpty()) {
        // A file already refused: the texts are only parsed, so that every refusal is listed
        // at once, and nothing is stored.
        for (const CrashText &text : files.texts) {
            if (const auto crash = CrashParser::parse(text.text, text.origin); !crash)
                summary.refused.append(InputText::oneLine(crash.error()));
        }
    }
    refused += summary.refused;
    const int total
        = int(files.texts.size() + files.refused.size() + files.emptyDirectories.size());
    if (summary.stored && summary.reports == 0) {
        context.out << "ingested no crash reports\n";
    } else if (summary.stored) {
        QStringList formats;
        for (auto it = summary.formats.cbegin(); it != summary.formats.cend(); ++it)
            formats.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
        context.out << u"ingested %1 crash reports (%2): %3 new crash deltas, %4 reports added "
                       u"to known signatures\n"_s.arg(summary.reports)
                           .arg(formats.join(u", "_s))
                           .arg(summary.newDeltas)
                           .arg(summary.reports - summary.newDeltas);
    }
    if (refused.isEmpty())
        return {};
    // Every refusal on its own line, naming the file; the last line says what was stored.
    if (refused.size() == 1 && !summary.stored)
        return Failed{refused.first() + u" (nothing was stored)"_s};
    for (const QString &line : std::as_const(refused))
        context.err << u"deltaboard-cli: %1\n"_s.arg(InputText::oneLine(line));
    if (!summary.stored) {
        return Failed{u"%1 of %2 crash texts refused (nothing was stored; --keep-going stores "
                      u"the others)"_s.arg(refused.size())
                          .arg(total)};
    }
    return Failed{u"%1 of %2 crash texts refused; the other %3 were ingested"_s.arg(refused.size())
                      .arg(total)
                      .arg(summary.reports)};
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
    const auto types = CrashStore(*request->db).crashTypes();
    if (!types)
        return Failed{types.error()};
    const auto typeOf = [&types](qint64 deltaId) {
        return types->value(deltaId);
    };
    if (request->json) {
        QJsonArray array;
        for (const CrashSummary &row : *rows) {
            array.append(QJsonObject{
                {u"id"_s, row.deltaId},
                {u"signature"_s, row.signature},
                {u"title"_s, row.title},
                {u"type"_s, typeOf(row.deltaId).type},
                {u"raw_type"_s, typeOf(row.deltaId).raw},
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
    TablePrinter table({u"ID"_s, u"REPORTS"_s, u"TYPE"_s, u"FIRST SEEN"_s, u"LAST SEEN"_s,
                        u"VERSIONS"_s, u"PLATFORMS"_s, u"FLAG"_s, u"SIGNATURE"_s},
                       {0, 0, 56, 0, 0, 24, 24, 0, 70});
    for (const CrashSummary &row : *rows) {
        const CrashStore::TypeNames type = typeOf(row.deltaId);
        const QString typeText = CrashTypes::describe(type.type, type.raw);
        table.addRow({QString::number(row.deltaId), QString::number(row.reports), typeText,
                      row.firstSeen.left(10), row.lastSeen.left(10), row.versions.join(u", "_s),
                      row.platforms.join(u", "_s),
                      row.regressed ? u"REGRESSED (fixed in %1, seen in %2)"_s.arg(row.fixedIn,
                                                                                   row.regressedIn)
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
         u"delta, in one transaction. Every file refused is listed, one line each with the "
         u"reason; then nothing is stored unless --keep-going. A directory's files that are "
         u"plainly not crash texts (images, archives, libraries, binary content, text in no "
         u"crash format) are skipped and named in a note."_s,
         {{u"version"_s, u"The product version of these reports."_s, u"V"_s},
          {u"platform"_s, u"The platform of these reports."_s, u"P"_s},
          {u"keep-going"_s, u"Store the texts that parse even when others are refused (exit "
                            u"status 1 all the same)."_s}},
         cmdCrashIngest},
        {u"crash list"_s,
         {},
         u"Crash deltas by report count: first/last seen, versions, platforms, regressions."_s,
         {formatOption()},
         cmdCrashList},
    };
}

} // namespace Deltaboard::Cli
