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
    if (field == u"severity"_s) {
        const QString name = Levels::severityName(value.toInt());
        return name.isEmpty() ? value : name;
    }
    if (field.endsWith(u"_at"_s)) {
        // Times are stored in full; minutes are what a reader needs.
        const QDateTime time = Clock::fromText(value);
        if (time.isValid())
            return time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
    }
    const QString simple = value.simplified();
    return simple.size() > 60 ? simple.left(59) + u'…' : simple;
}

QString HistoryFormatter::sentence(const HistoryEntry &entry) const
{
    const QString &f = entry.field;
    const QString &before = entry.oldValue;
    const QString &after = entry.newValue;
    const bool added = before.isEmpty() && !after.isEmpty();
    const bool removed = !before.isEmpty() && after.isEmpty();
    const QString scope = f.section(u':', 0, 0);
    const QString scoped = f.section(u':', 1);
    auto from = [&](const QString &name) {
        return u"%1: %2 → %3"_s.arg(name, value(f, before), value(f, after));
    };

    if (f == u"created"_s) {
        if (entry.entity == u"delta"_s)
            return u"recorded this %1"_s.arg(after.isEmpty() ? u"delta"_s : after);
        if (entry.entity == u"task"_s)
            return u"created the task"_s;
        return u"created %1"_s.arg(value(f, after));
    }
    if (f == u"deleted"_s)
        return u"deleted %1"_s.arg(value(f, before));
    if (f == u"restored"_s)
        return u"put it back"_s;
    if (f == u"comment"_s)
        return removed ? u"removed a comment"_s : u"commented"_s;
    if (f == u"column_id"_s) {
        if (before.isEmpty())
            return u"put in %1"_s.arg(value(f, after));
        return u"moved from %1 to %2"_s.arg(value(f, before), value(f, after));
    }
    if (scope == u"priority"_s) {
        const QString org = m_organisations.value(scoped.toLongLong(), scoped);
        return u"priority for %1: %2 → %3"_s.arg(org, before.isEmpty() ? u"none"_s : before,
                                                 after.isEmpty() ? u"none"_s : after);
    }
    if (scope == u"rank"_s)
        return u"re-ranked for %1"_s.arg(m_organisations.value(scoped.toLongLong(), scoped));
    if (scope == u"impact"_s) {
        const QString group = m_groups.value(scoped.toLongLong(), scoped);
        return u"impact on %1: %2 → %3"_s.arg(group, before.isEmpty() ? u"not assessed"_s : before,
                                              after.isEmpty() ? u"not assessed"_s : after);
    }
    if (scope == u"affected_users"_s) {
        const QString group = m_groups.value(scoped.toLongLong(), scoped);
        return u"affected users in %1: %2 → %3"_s.arg(group, before.isEmpty() ? u"?"_s : before,
                                                      after.isEmpty() ? u"?"_s : after);
    }
    if (scope == u"relation"_s) {
        const QString name = QString(scoped).replace(u'-', u' ');
        return (removed ? u"no longer %1 #%2"_s : u"now %1 #%2"_s)
            .arg(name, removed ? before : after);
    }
    if (f == u"label"_s)
        return removed ? u"label %1 taken off"_s.arg(before) : u"labelled %1"_s.arg(after);
    if (f == u"duplicate_of"_s) {
        if (added)
            return u"marked a duplicate of #%1"_s.arg(after);
        if (removed)
            return u"no longer a duplicate of #%1"_s.arg(before);
        return u"now a duplicate of #%1 instead of #%2"_s.arg(after, before);
    }
    if (f == u"task_link"_s)
        return removed ? u"task #%1 no longer linked"_s.arg(before)
                       : u"committed to by task #%1"_s.arg(after);
    if (f == u"delta_link"_s)
        return removed ? u"unlinked from delta #%1"_s.arg(before)
                       : u"linked to delta #%1"_s.arg(after);
    if (f == u"crash_report"_s)
        return u"crash report #%1 received"_s.arg(after);
    if (f == u"fix_record"_s)
        return removed ? u"fix record %1 removed"_s.arg(before) : u"fix recorded: %1"_s.arg(after);
    if (f == u"fix_verified"_s)
        return u"fix verified"_s;
    if (f == u"archived_at"_s)
        return after.isEmpty() ? u"back on the board"_s : u"archived"_s;
    if (f == u"uses_component"_s) {
        return removed ? u"stopped using %1"_s.arg(m_components.value(before.toLongLong(), before))
                       : u"uses %1"_s.arg(m_components.value(after.toLongLong(), after));
    }
    // Long texts: that they changed is the news; the record shows what they say now.
    static const QStringList longTexts
        = {u"desired"_s, u"actual"_s, u"details"_s, u"description"_s, u"body"_s};
    if (longTexts.contains(f)) {
        if (added)
            return u"wrote the %1"_s.arg(field(f));
        if (removed)
            return u"cleared the %1"_s.arg(field(f));
        return u"edited the %1"_s.arg(field(f));
    }
    if (added && f != u"state"_s)
        return u"%1 set to %2"_s.arg(field(f), value(f, after));
    if (removed && f != u"state"_s)
        return u"%1 cleared (was %2)"_s.arg(field(f), value(f, before));
    return from(field(f));
}

} // namespace Deltaboard
