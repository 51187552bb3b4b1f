#include "historyformatter.h"

#include "clock.h"
#include "groupstore.h"
#include "organisationstore.h"

using namespace Qt::StringLiterals;

namespace Deltaboard {

HistoryFormatter::HistoryFormatter(Database &db)
{
    OrganisationStore organisations(db);
    if (const auto all = organisations.list()) {
        for (const Organisation &organisation : *all) {
            m_organisations.insert(organisation.id, organisation.name);
            if (const auto board = organisations.board(organisation.id)) {
                for (const BoardColumn &column : board->columns)
                    m_columns.insert(column.id, column.name);
            }
        }
    }
    GroupStore groups(db);
    if (const auto all = groups.groups()) {
        for (const UserGroup &group : *all)
            m_groups.insert(group.id, group.name);
    }
    if (const auto all = groups.components()) {
        for (const Component &component : *all)
            m_components.insert(component.id, component.name);
    }
}

QString HistoryFormatter::field(const QString &field) const
{
    const QString scope = field.section(u':', 0, 0);
    const qint64 id = field.section(u':', 1).toLongLong();
    if (scope == u"priority"_s)
        return u"priority (%1)"_s.arg(m_organisations.value(id, QString::number(id)));
    if (scope == u"rank"_s)
        return u"rank (%1)"_s.arg(m_organisations.value(id, QString::number(id)));
    if (scope == u"impact"_s)
        return u"impact (%1)"_s.arg(m_groups.value(id, QString::number(id)));
    if (scope == u"affected_users"_s)
        return u"affected users (%1)"_s.arg(m_groups.value(id, QString::number(id)));
    if (field == u"column_id"_s)
        return u"column"_s;
    if (field == u"component_id"_s)
        return u"component"_s;
    return QString(field).replace(u'_', u' ');
}

QString HistoryFormatter::value(const QString &field, const QString &value) const
{
    if (value.isEmpty())
        return u"∅"_s;
    if (field == u"column_id"_s)
        return m_columns.value(value.toLongLong(), value);
    if (field == u"component_id"_s)
        return m_components.value(value.toLongLong(), value);
    if (field.endsWith(u"_at"_s)) {
        // Times are stored in full; minutes are what a reader needs.
        const QDateTime time = Clock::fromText(value);
        if (time.isValid())
            return time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
    }
    const QString simple = value.simplified();
    return simple.size() > 60 ? simple.left(59) + u'…' : simple;
}

QString HistoryFormatter::change(const HistoryEntry &entry) const
{
    if (entry.field == u"created"_s)
        return field(entry.field) + u": "_s + value(entry.field, entry.newValue);
    // Rank numbers mean nothing to a reader; that the order changed does.
    if (entry.field.startsWith(u"rank:"_s))
        return field(entry.field) + u": re-ranked"_s;
    return field(entry.field) + u": "_s + value(entry.field, entry.oldValue) + u" → "_s
           + value(entry.field, entry.newValue);
}

} // namespace Deltaboard
