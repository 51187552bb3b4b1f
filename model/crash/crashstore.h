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
    // The texts that could not be parsed, one line each naming the text and the reason, in
    // input order. Unless the run kept going, any of them means nothing was stored.
    QStringList refused;
    bool stored = true; // false: a text was refused and the run did not keep going
};

// How one run of ingest files its texts.
struct IngestOptions
{
    QString version;  // overrides what the texts say, when given
    QString platform; // likewise
    // Store the texts that parse (in one transaction) even when others are refused.
    bool keepGoing = false;
};

// One crash text to ingest and where it came from (a file name, "dropped text").
struct CrashText
{
    QString origin;
    QString text;
};

// What reading the files and directories of one ingest found.
struct CrashFiles
{
    QList<CrashText> texts; // in the order given, a directory's files in name order
    // Files that cannot be read as a crash text (not a regular file, too big, not UTF-8), one
    // line each naming the file and the reason.
    QStringList refused;
    // Files of a directory walk that are plainly not crash texts (an image, an archive, a
    // library, binary content, text in no crash format), relative to the directory walked.
    QStringList skipped;
    // The directories given that held no file at all.
    QStringList emptyDirectories;
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
    // another report, a new one a new crash delta. Every text that cannot be parsed is listed
    // in the summary's 'refused'; then nothing is written unless the options keep going, which
    // stores the others. An error is a failure of the database alone.
    Result<IngestSummary> ingest(const QList<CrashText> &texts, const IngestOptions &options);
    // As above without keeping going, a refused text an error: every refusal, one per line.
    Result<IngestSummary> ingest(const QList<CrashText> &texts, const QString &version = {},
                                 const QString &platform = {});

    // Reads crash texts from files, or every file under a directory (recursively, in name
    // order), listing every file refused (unreadable, oversized, not UTF-8, not a regular file)
    // rather than stopping at the first. A directory's files that are plainly not crash texts
    // are skipped and listed; a file named on its own is always read.
    static CrashFiles collectTexts(const QStringList &paths);
    // Whether a directory's file is plainly not a crash text by its name alone (images,
    // archives, libraries, executables, binary dumps).
    static bool plainlyNotCrashText(const QString &fileName);

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
    // The crash type of each crash delta as its latest report's text shows it: the triaged
    // type and the raw signal or exception name (see CrashTypes). Derived when read, so that
    // a better reading applies to every report already stored.
    struct TypeNames
    {
        QString type; // "null-dereference WRITE"
        QString raw;  // "SIGSEGV"
    };
    Result<QHash<qint64, TypeNames>> crashTypes();
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
