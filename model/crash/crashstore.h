#pragma once

#include "database.h"
#include "records.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace Deltaboard {

// One crash delta as the crash view and 'crash list' show it.
struct CrashSummary
{
    qint64 deltaId = 0;
    QString title;
    QString signature;
    DeltaState state = DeltaState::New;
    int reports = 0;
    QString firstSeen; // database text
    QString lastSeen;
    QStringList versions;  // each once, in version order
    QStringList platforms; // each once, sorted
    // Regressed: a task for it has a fix verified in 'fixedIn', and reports of that version or a
    // later one arrived after the verification.
    bool regressed = false;
    QString fixedIn;
    QString regressedIn; // the newest version seen crashing again
};

// What one run of ingest did.
struct IngestSummary
{
    int reports = 0;
    int newDeltas = 0;
    QMap<QString, int> formats; // format name -> reports in it
    QList<qint64> deltaIds;     // the crash delta of each report, in input order
};

// One crash text to ingest and where it came from (a file name, "dropped text").
struct CrashText
{
    QString origin;
    QString text;
};

// Crash reports hang under the crash delta of their signature.
class CrashStore
{
public:
    explicit CrashStore(Database &db)
        : m_db(db)
    {}

    // Adds one report. The crash delta with the report's signature receives it; a new signature
    // creates that delta, titled 'title' (the signature when empty). Returns the report's id.
    Result<qint64> addReport(const CrashReport &report, const QString &title = {});
    Result<QList<CrashReport>> reports(qint64 deltaId);

    // Parses and signs every text, then stores them in one transaction: a known signature gets
    // another report, a new one a new crash delta. The first text that cannot be parsed fails
    // the whole run (its error names it) and nothing is written. Version and platform, when
    // given, override what the texts say.
    Result<IngestSummary> ingest(const QList<CrashText> &texts, const QString &version = {},
                                 const QString &platform = {});

    // Reads crash texts from files, or every file under a directory (recursively, in name
    // order); refuses unreadable, oversized and non-UTF-8 files, naming them.
    static Result<QList<CrashText>> readTexts(const QStringList &paths);

    // Crash deltas with their reports counted, most reports first (then newest); with
    // onlyDeltaIds, just those.
    Result<QList<CrashSummary>> summaries(const QList<qint64> &onlyDeltaIds = {});
    // Every crash delta's report count, first and last report, most reports first (then most
    // recent): from the reports' index alone, for a list that fills the rest in as it scrolls.
    struct Count
    {
        qint64 deltaId = 0;
        int reports = 0;
        QString firstSeen;
        QString lastSeen;
    };
    Result<QList<Count>> counts();
    // Reports per version of one crash delta, in version order (unknown version last, as "").
    Result<QList<std::pair<QString, int>>> reportsPerVersion(qint64 deltaId);

    // The crash deltas that regressed (see CrashSummary): all, or those among onlyDeltaIds.
    Result<QSet<qint64>> regressedDeltas(const QList<qint64> &onlyDeltaIds = {});

    // Orders versions: numeric parts numerically ("1.10" after "1.9"), the rest as text.
    static int compareVersions(const QString &a, const QString &b);

private:
    // Delta id -> (fixed in, newest version crashing again).
    Result<QHash<qint64, std::pair<QString, QString>>>
    readRegressions(const QList<qint64> &onlyDeltaIds = {});

    Database &m_db;
};

} // namespace Deltaboard
