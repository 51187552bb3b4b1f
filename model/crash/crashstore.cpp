#include "crashstore.h"

#include "crashparser.h"
#include "crashsignature.h"
#include "crashtype.h"
#include "dialect.h"

#include "deltastore.h"
#include "history.h"
#include "inputfile.h"
#include "inputtext.h"
#include "sqlvalues.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

Result<qint64> CrashStore::addReport(const CrashReport &report, const QString &title)
{
    if (report.signature.trimmed().isEmpty())
        return Error{u"a crash report needs a signature"_s};
    if (report.rawText.isEmpty())
        return Error{u"a crash report needs its text"_s};

    Transaction transaction(m_db);
    const auto existing
        = m_db.scalar(u"SELECT id FROM deltas WHERE signature = ?"_s, {report.signature});
    if (!existing)
        return Error{existing.error()};
    qint64 deltaId = existing->isValid() ? existing->toLongLong() : 0;
    const QString received
        = report.receivedAt.isEmpty() ? m_db.clock().nowText() : report.receivedAt;
    if (deltaId == 0) {
        Delta delta;
        delta.kind = DeltaKind::Crash;
        delta.title = title.trimmed().isEmpty() ? report.signature : title;
        delta.signature = report.signature;
        delta.actual = u"Crashes in %1"_s.arg(report.signature);
        delta.desired = u"Does not crash"_s;
        delta.foundIn = report.productVersion;
        delta.createdAt = received;
        const auto created = DeltaStore(m_db).create(delta);
        if (!created)
            return Error{created.error()};
        deltaId = *created;
    }
    const auto inserted = m_db.insert(u"INSERT INTO crash_reports (delta_id, signature, raw_text, "
                                      u"product_version, platform, received_at) "
                                      u"VALUES (?, ?, ?, ?, ?, ?)"_s,
                                      {deltaId, report.signature, report.rawText,
                                       Sql::textOrNull(report.productVersion),
                                       Sql::textOrNull(report.platform), received});
    if (!inserted)
        return Error{u"cannot store crash report: %1"_s.arg(inserted.error())};
    const qint64 id = *inserted;
    if (const Status logged = History(m_db).record(u"delta"_s, deltaId, u"crash_report"_s, {}, id);
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return id;
}

Result<QList<CrashReport>> CrashStore::reports(qint64 deltaId)
{
    const auto query = m_db.run(u"SELECT id, delta_id, signature, raw_text, product_version, "
                                u"platform, received_at FROM crash_reports WHERE delta_id = ? "
                                u"ORDER BY received_at, id"_s,
                                {deltaId});
    if (!query)
        return Error{query.error()};
    QList<CrashReport> reports;
    QSqlQuery &q = **query;
    while (q.next()) {
        reports.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                        q.value(6).toString()});
    }
    return reports;
}

int CrashStore::compareVersions(const QString &a, const QString &b)
{
    static const QRegularExpression parts(uR"((\d+)|([^\d.\-_+ ]+))"_s);
    auto left = parts.globalMatch(a);
    auto right = parts.globalMatch(b);
    while (left.hasNext() && right.hasNext()) {
        const auto l = left.next();
        const auto r = right.next();
        const bool lNumber = !l.captured(1).isEmpty();
        const bool rNumber = !r.captured(1).isEmpty();
        if (lNumber && rNumber) {
            const qulonglong x = l.captured(1).toULongLong();
            const qulonglong y = r.captured(1).toULongLong();
            if (x != y)
                return x < y ? -1 : 1;
        } else if (lNumber != rNumber) {
            return lNumber ? 1 : -1; // "1.0" after "1.0-beta": a number beats a label
        } else if (const int c = l.captured(2).compare(r.captured(2)); c != 0) {
            return c < 0 ? -1 : 1;
        }
    }
    if (left.hasNext() != right.hasNext()) {
        // "1.2" before "1.2.1"; but "1.2-rc1" before "1.2".
        const auto rest = left.hasNext() ? left.peekNext() : right.peekNext();
        const bool label = rest.captured(1).isEmpty();
        const int longer = left.hasNext() ? 1 : -1;
        return label ? -longer : longer;
    }
    return 0;
}

Result<IngestSummary> CrashStore::ingest(const QList<CrashText> &texts, const QString &version,
                                         const QString &platform)
{
    auto summary = ingest(texts, IngestOptions{version, platform, false});
    if (summary && !summary->refused.isEmpty())
        return Error{summary->refused.join(u'\n')};
    return summary;
}

Result<IngestSummary> CrashStore::ingest(const QList<CrashText> &texts,
                                         const IngestOptions &options)
{
    // Parse everything first: every bad text is known before anything is written.
    struct Parsed
    {
        CrashReport report;
        QString title;
        QString format;
    };
    QList<Parsed> parsed;
    parsed.reserve(texts.size());
    IngestSummary summary;
    for (const CrashText &text : texts) {
        const auto crash = CrashParser::parse(text.text, text.origin);
        if (!crash) {
            summary.refused.append(InputText::oneLine(crash.error()));
            continue;
        }
        Parsed p;
        p.report.signature = Signatures::signatureOf(*crash);
        p.report.rawText = text.text;
        p.report.productVersion
            = options.version.isEmpty() ? crash->productVersion : options.version;
        p.report.platform = options.platform.isEmpty() ? crash->platform : options.platform;
        p.format = CrashParser::formatName(crash->format);
        const QString type = CrashTypes::describe(*crash);
        const QString what = type.isEmpty() ? u"Crash"_s : u"Crash (%1)"_s.arg(type);
        p.title = u"%1 in %2"_s.arg(what, p.report.signature.left(160));
        parsed.append(p);
    }
    if (!summary.refused.isEmpty() && !options.keepGoing) {
        summary.stored = false;
        return summary;
    }
    if (parsed.isEmpty())
        return summary;
    Transaction transaction(m_db);
    for (const Parsed &p : std::as_const(parsed)) {
        const auto before
            = m_db.scalar(u"SELECT id FROM deltas WHERE signature = ?"_s, {p.report.signature});
        if (!before)
            return Error{before.error()};
        const auto id = addReport(p.report, p.title);
        if (!id)
            return Error{id.error()};
        if (!before->isValid())
            ++summary.newDeltas;
        ++summary.reports;
        ++summary.formats[p.format];
        const auto delta = m_db.scalar(u"SELECT delta_id FROM crash_reports WHERE id = ?"_s, {*id});
        if (!delta)
            return Error{delta.error()};
        summary.deltaIds.append(delta->toLongLong());
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return summary;
}

Result<QList<CrashSummary>> CrashStore::summaries(const QList<qint64> &onlyDeltaIds)
{
    QString sql = u"SELECT d.id, d.title, d.signature, d.state, count(r.id), min(r.received_at), "
                  u"max(r.received_at), "_s
                  + Dialect::groupConcat(m_db, u"r.product_version"_s, u"','"_s, true,
                                         u"CAST(r.product_version AS text)"_s)
                  + u", "_s
                  + Dialect::groupConcat(m_db, u"r.platform"_s, u"','"_s, true,
                                         u"CAST(r.platform AS text)"_s)
                  + u" FROM deltas d JOIN crash_reports r ON r.delta_id = d.id "
                    u"WHERE d.kind = 'crash' "_s;
    QVariantList values;
    if (!onlyDeltaIds.isEmpty()) {
        sql += u"AND d.id IN ("_s + Sql::placeholders(int(onlyDeltaIds.size())) + u") "_s;
        for (const qint64 id : onlyDeltaIds)
            values.append(id);
    }
    sql += u"GROUP BY d.id ORDER BY count(r.id) DESC, max(r.received_at) DESC, d.id"_s;
    const auto query = m_db.run(sql, values);
    if (!query)
        return Error{u"cannot list crash deltas: %1"_s.arg(query.error())};
    QList<CrashSummary> rows;
    QList<qint64> ids;
    QSqlQuery &q = **query;
    while (q.next()) {
        CrashSummary row;
        row.deltaId = q.value(0).toLongLong();
        row.title = q.value(1).toString();
        row.signature = q.value(2).toString();
        row.state = Levels::stateFromName(q.value(3).toString()).value_or(DeltaState::New);
        row.reports = q.value(4).toInt();
        row.firstSeen = q.value(5).toString();
        row.lastSeen = q.value(6).toString();
        row.versions = q.value(7).toString().split(u',', Qt::SkipEmptyParts);
        std::sort(row.versions.begin(), row.versions.end(),
                  [](const QString &a, const QString &b) { return compareVersions(a, b) < 0; });
        row.platforms = q.value(8).toString().split(u',', Qt::SkipEmptyParts);
        row.platforms.sort();
        rows.append(row);
        ids.append(row.deltaId);
    }
    (*query)->finish();
    const auto regressions = readRegressions(onlyDeltaIds);
    if (!regressions)
        return Error{regressions.error()};
    for (CrashSummary &row : rows) {
        const auto it = regressions->constFind(row.deltaId);
        if (it == regressions->cend())
            continue;
        row.regressed = true;
        row.fixedIn = it->first;
        row.regressedIn = it->second;
    }
    return rows;
}

Result<QHash<qint64, std::pair<QString, QString>>>
CrashStore::readRegressions(const QList<qint64> &onlyDeltaIds)
{
    // Every report that arrived after a verified fix of its crash delta, with the fix's version:
    // one query (crash_reports_by_delta gives each delta's later reports as a range).
    QString sql = u"SELECT td.delta_id, f.version, r.product_version FROM fix_records f "
                  u"JOIN task_deltas td ON td.task_id = f.task_id "
                  u"JOIN deltas d ON d.id = td.delta_id "
                  u"JOIN crash_reports r ON r.delta_id = td.delta_id "
                  u"AND r.received_at > f.verified_at "
                  u"WHERE d.kind = 'crash' AND f.verified_at IS NOT NULL "
                  u"AND f.version IS NOT NULL AND f.version <> '' "
                  u"AND r.product_version IS NOT NULL "
                  // Only the latest verified fix counts: a later fix answers an earlier return.
                  u"AND f.verified_at = (SELECT max(f2.verified_at) FROM fix_records f2 "
                  u"  JOIN task_deltas td2 ON td2.task_id = f2.task_id "
                  u"  WHERE td2.delta_id = td.delta_id AND f2.verified_at IS NOT NULL "
                  u"  AND f2.version IS NOT NULL AND f2.version <> '')"_s;
    QVariantList values;
    if (!onlyDeltaIds.isEmpty()) {
        sql += u" AND td.delta_id IN ("_s + Sql::placeholders(int(onlyDeltaIds.size())) + u')';
        for (const qint64 id : onlyDeltaIds)
            values.append(id);
    }
    const auto later = m_db.run(sql, values);
    if (!later)
        return Error{u"cannot look for regressions: %1"_s.arg(later.error())};
    QHash<qint64, std::pair<QString, QString>> result;
    QSqlQuery &q = **later;
    while (q.next()) {
        const QString fixedIn = q.value(1).toString();
        const QString seen = q.value(2).toString();
        if (compareVersions(seen, fixedIn) < 0)
            continue;
        auto &entry = result[q.value(0).toLongLong()];
        entry.first = fixedIn;
        if (entry.second.isEmpty() || compareVersions(seen, entry.second) > 0)
            entry.second = seen;
    }
    return result;
}

Result<QSet<qint64>> CrashStore::regressedDeltas(const QList<qint64> &onlyDeltaIds)
{
    const auto regressions = readRegressions(onlyDeltaIds);
    if (!regressions)
        return Error{regressions.error()};
    QSet<qint64> ids;
    for (auto it = regressions->cbegin(); it != regressions->cend(); ++it)
        ids.insert(it.key());
    return ids;
}

Result<QList<CrashStore::Count>> CrashStore::counts()
{
    const auto query = m_db.run(
        u"SELECT delta_id, count(*), min(received_at), max(received_at) FROM crash_reports "
        u"GROUP BY delta_id ORDER BY count(*) DESC, max(received_at) DESC, delta_id"_s);
    if (!query)
        return Error{u"cannot count crash reports: %1"_s.arg(query.error())};
    QList<Count> counts;
    QSqlQuery &q = **query;
    while (q.next()) {
        counts.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(),
                       q.value(3).toString()});
    }
    return counts;
}

Result<QHash<qint64, CrashStore::TypeNames>> CrashStore::crashTypes()
{
    const auto query = m_db.run(u"SELECT delta_id, raw_text FROM crash_reports WHERE id IN "
                                u"(SELECT max(id) FROM crash_reports GROUP BY delta_id)"_s);
    if (!query)
        return Error{u"cannot read crash reports: %1"_s.arg(query.error())};
    QHash<qint64, TypeNames> types;
    QSqlQuery &q = **query;
    while (q.next()) {
        // A stored text always parsed once; should a parser have changed since, the type is
        // left empty rather than failing the list.
        const auto crash = CrashParser::parse(q.value(1).toString());
        if (crash)
            types.insert(q.value(0).toLongLong(), {crash->crashType, crash->exceptionType});
    }
    return types;
}

Result<QList<std::pair<QString, int>>> CrashStore::reportsPerVersion(qint64 deltaId)
{
    const auto query = m_db.run(u"SELECT coalesce(product_version, ''), count(*) FROM "
                                u"crash_reports WHERE delta_id = ? GROUP BY 1"_s,
                                {deltaId});
    if (!query)
        return Error{query.error()};
    QList<std::pair<QString, int>> rows;
    while ((*query)->next())
        rows.append({(*query)->value(0).toString(), (*query)->value(1).toInt()});
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        if (a.first.isEmpty() != b.first.isEmpty())
            return b.first.isEmpty();
        return compareVersions(a.first, b.first) < 0;
    });
    return rows;
}

bool CrashStore::plainlyNotCrashText(const QString &fileName)
{
    // Images, documents that are not text, archives and compressed files, libraries,
    // executables and objects, binary crash dumps (a minidump is read by minidump_stackwalk,
    // whose text output is what ingest reads), compiled Python and Java.
    static const QRegularExpression binary(
        uR"(\.(?:png|jpe?g|gif|bmp|webp|ico|icns|tiff?|svgz|psd|pdf|zip|gz|tgz|bz2|tbz2|xz|txz|)"
        uR"(zst|lz4|lzma|7z|rar|tar|jar|war|apk|ipa|deb|rpm|dmg|iso|so(?:\.\d+)*|dylib|dll|exe|)"
        uR"(o|a|obj|lib|pdb|dSYM|debug|sym|dmp|mdmp|core|pyc|pyo|class|wasm|bin|sqlite3?|db|)"
        uR"(mp[34]|mov|avi|mkv|wav|ogg|flac|ttf|otf|woff2?)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return binary.match(fileName).hasMatch();
}

CrashFiles CrashStore::collectTexts(const QStringList &paths)
{
    CrashFiles found;
    // A file named on its own is read whatever it is: its refusal says why.
    const auto readOne = [&found](const QString &path) {
        const auto bytes = InputFile::read(path, CrashParser::kMaxTextSize, u"a crash text"_s);
        if (!bytes)
            return found.refused.append(InputText::oneLine(bytes.error()));
        // Crash texts are UTF-8 (or ASCII); anything else is refused rather than garbled.
        if (auto bad = InputText::notUtf8(path, *bytes, u"a crash text"_s))
            return found.refused.append(InputText::oneLine(bad->message));
        found.texts.append({path, QString::fromUtf8(*bytes)});
    };
    for (const QString &path : paths) {
        if (!QFileInfo(path).isDir()) {
            readOne(path);
            continue;
        }
        // Every entry under the directory, hidden ones left out; system entries (pipes,
        // devices, sockets, broken links) too, to be refused by name.
        QStringList entries;
        QDirIterator it(path, QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString entry = it.next();
            if (!QFileInfo(entry).isDir())
                entries.append(entry);
        }
        entries.sort();
        if (entries.isEmpty()) {
            found.emptyDirectories.append(path);
            continue;
        }
        const QDir walked(QFileInfo(path).absoluteFilePath());
        for (const QString &entry : std::as_const(entries)) {
            if (const QString why = InputFile::notARegularFile(entry); !why.isEmpty()) {
                found.refused.append(why);
                continue;
            }
            // Named as within the directory walked ("sub/a.png"), however it was given.
            const QString name = walked.relativeFilePath(QFileInfo(entry).absoluteFilePath());
            if (plainlyNotCrashText(entry)) {
                found.skipped.append(name);
                continue;
            }
            const auto bytes = InputFile::read(entry, CrashParser::kMaxTextSize, u"a crash text"_s);
            if (!bytes) {
                found.refused.append(InputText::oneLine(bytes.error()));
                continue;
            }
            // Binary content (a NUL byte early on), or text in no crash format at all (notes,
            // a README beside the reports): plainly not a crash text. A text in a crash format
            // that is not UTF-8 is one, refused.
            const QString text = QString::fromUtf8(*bytes);
            if (bytes->left(8192).contains('\0') || !CrashParser::detect(text)) {
                found.skipped.append(name);
                continue;
            }
            if (auto bad = InputText::notUtf8(entry, *bytes, u"a crash text"_s)) {
                found.refused.append(InputText::oneLine(bad->message));
                continue;
            }
            found.texts.append({entry, text});
        }
    }
    return found;
}

} // namespace Deltaboard
