#include "crashstore.h"

#include "deltastore.h"
#include "history.h"
#include "sqlvalues.h"

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
    const auto inserted = m_db.run(u"INSERT INTO crash_reports (delta_id, signature, raw_text, "
                                   u"product_version, platform, received_at) "
                                   u"VALUES (?, ?, ?, ?, ?, ?)"_s,
                                   {deltaId, report.signature, report.rawText,
                                    Sql::textOrNull(report.productVersion),
                                    Sql::textOrNull(report.platform), received});
    if (!inserted)
        return Error{u"cannot store crash report: %1"_s.arg(inserted.error())};
    const qint64 id = (*inserted)->lastInsertId().toLongLong();
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

} // namespace Deltaboard
