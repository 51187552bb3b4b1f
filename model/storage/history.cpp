#include "history.h"

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

QVariant asText(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return value.toString();
}

} // namespace

Status History::record(const QString &entity, qint64 entityId, const QString &field,
                       const QVariant &oldValue, const QVariant &newValue, const QString &at)
{
    const auto done = m_db.run(u"INSERT INTO history (entity, entity_id, field, old_value, "
                               u"new_value, changed_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                               {entity, entityId, field, asText(oldValue), asText(newValue),
                                at.isEmpty() ? m_db.clock().nowText() : at, m_db.actor()});
    if (!done)
        return Error{u"cannot record history: %1"_s.arg(done.error())};
    return {};
}

Status History::recordChanges(const QString &entity, qint64 entityId, const QList<Change> &changes)
{
    for (const Change &change : changes) {
        if (change.before == change.after)
            continue;
        if (const Status logged
            = record(entity, entityId, change.field, change.before, change.after);
            !logged) {
            return logged;
        }
    }
    return {};
}

Result<QList<HistoryEntry>> History::list(const QString &entity, qint64 entityId)
{
    const auto query = m_db.run(u"SELECT id, field, old_value, new_value, changed_at, actor "
                                u"FROM history WHERE entity = ? AND entity_id = ? "
                                u"ORDER BY changed_at, id"_s,
                                {entity, entityId});
    if (!query)
        return Error{query.error()};
    QList<HistoryEntry> entries;
    QSqlQuery &q = **query;
    while (q.next()) {
        entries.append({q.value(0).toLongLong(), entity, entityId, q.value(1).toString(),
                        q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                        q.value(5).toString()});
    }
    q.finish();
    return entries;
}

QString History::lastChange(const QString &entity, qint64 entityId)
{
    const auto last = m_db.run(u"SELECT actor, changed_at FROM history WHERE entity = ? AND "
                               u"entity_id = ? ORDER BY changed_at DESC, id DESC LIMIT 1"_s,
                               {entity, entityId});
    if (!last || !(*last)->next())
        return u"someone"_s;
    const QString actor = (*last)->value(0).toString();
    QString at = (*last)->value(1).toString(); // 2026-11-29T12:03:00.000Z
    (*last)->finish();
    at = at.left(16).replace(u'T', u' ') + u" UTC"_s;
    return u"%1 at %2"_s.arg(actor, at);
}

} // namespace Deltaboard
