#include "historyformatter.h"

#include "clock.h"
#include "groupstore.h"
#include "levels.h"
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
        return tr("priority (%1)").arg(m_organisations.value(id, QString::number(id)));
    if (scope == u"rank"_s)
        return tr("rank (%1)").arg(m_organisations.value(id, QString::number(id)));
    if (scope == u"impact"_s)
        return tr("impact (%1)").arg(m_groups.value(id, QString::number(id)));
    if (scope == u"affected_users"_s)
        return tr("affected users (%1)").arg(m_groups.value(id, QString::number(id)));
    if (field == u"column_id"_s)
        return tr("column");
    if (field == u"component_id"_s)
        return tr("component");
    // The fields by name, as lupdate finds them for the translators.
    static const char *const kFields[] = {
        QT_TR_NOOP("title"),       QT_TR_NOOP("state"),    QT_TR_NOOP("severity"),
        QT_TR_NOOP("kind"),        QT_TR_NOOP("reporter"), QT_TR_NOOP("assignee"),
        QT_TR_NOOP("found in"),    QT_TR_NOOP("fixed in"), QT_TR_NOOP("signature"),
        QT_TR_NOOP("desired"),     QT_TR_NOOP("actual"),   QT_TR_NOOP("details"),
        QT_TR_NOOP("description"), QT_TR_NOOP("body"),     QT_TR_NOOP("name"),
        QT_TR_NOOP("wip limit"),   QT_TR_NOOP("position"),
    };
    Q_UNUSED(kFields);
    const QString name = QString(field).replace(u'_', u' ');
    return tr(name.toUtf8().constData());
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
        return name.isEmpty() ? value : Levels::title(name);
    }
    if (field == u"state"_s || field == u"kind"_s)
        return Levels::title(value);
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
        return tr("%1: %2 → %3").arg(name, value(f, before), value(f, after));
    };

    if (f == u"created"_s) {
        if (entry.entity == u"delta"_s)
            return tr("recorded this %1").arg(after.isEmpty() ? tr("delta") : Levels::title(after));
        if (entry.entity == u"task"_s)
            return tr("created the task");
        return tr("created %1").arg(value(f, after));
    }
    if (f == u"deleted"_s)
        return tr("deleted %1").arg(value(f, before));
    if (f == u"restored"_s)
        return tr("put it back");
    if (f == u"comment"_s)
        return removed ? tr("removed a comment") : tr("commented");
    if (f == u"column_id"_s) {
        if (before.isEmpty())
            return tr("put in %1").arg(value(f, after));
        return tr("moved from %1 to %2").arg(value(f, before), value(f, after));
    }
    if (scope == u"priority"_s) {
        const QString org = m_organisations.value(scoped.toLongLong(), scoped);
        return tr("priority for %1: %2 → %3")
            .arg(org, before.isEmpty() ? tr("none") : Levels::title(before),
                 after.isEmpty() ? tr("none") : Levels::title(after));
    }
    if (scope == u"rank"_s)
        return tr("re-ranked for %1").arg(m_organisations.value(scoped.toLongLong(), scoped));
    if (scope == u"impact"_s) {
        const QString group = m_groups.value(scoped.toLongLong(), scoped);
        return tr("impact on %1: %2 → %3")
            .arg(group, before.isEmpty() ? tr("not assessed") : Levels::title(before),
                 after.isEmpty() ? tr("not assessed") : Levels::title(after));
    }
    if (scope == u"affected_users"_s) {
        const QString group = m_groups.value(scoped.toLongLong(), scoped);
        return tr("affected users in %1: %2 → %3")
            .arg(group, before.isEmpty() ? u"?"_s : before, after.isEmpty() ? u"?"_s : after);
    }
    if (scope == u"relation"_s) {
        const QString name = Levels::title(QString(scoped).replace(u'-', u' '));
        return (removed ? tr("no longer %1 #%2") : tr("now %1 #%2"))
            .arg(name, removed ? before : after);
    }
    if (f == u"label"_s)
        return removed ? tr("label %1 taken off").arg(before) : tr("labelled %1").arg(after);
    if (f == u"duplicate_of"_s) {
        if (added)
            return tr("marked a duplicate of #%1").arg(after);
        if (removed)
            return tr("no longer a duplicate of #%1").arg(before);
        return tr("now a duplicate of #%1 instead of #%2").arg(after, before);
    }
    if (f == u"task_link"_s)
        return removed ? tr("task #%1 no longer linked").arg(before)
                       : tr("committed to by task #%1").arg(after);
    if (f == u"delta_link"_s)
        return removed ? tr("unlinked from delta #%1").arg(before)
                       : tr("linked to delta #%1").arg(after);
    if (f == u"crash_report"_s)
        return tr("crash report #%1 received").arg(after);
    if (f == u"fix_record"_s)
        return removed ? tr("fix record %1 removed").arg(before)
                       : tr("fix recorded: %1").arg(after);
    if (f == u"fix_verified"_s)
        return tr("fix verified");
    if (f == u"archived_at"_s)
        return after.isEmpty() ? tr("back on the board") : tr("archived");
    if (f == u"uses_component"_s) {
        return removed ? tr("stopped using %1").arg(m_components.value(before.toLongLong(), before))
                       : tr("uses %1").arg(m_components.value(after.toLongLong(), after));
    }
    // Long texts: that they changed is the news; the record shows what they say now.
    static const QStringList longTexts
        = {u"desired"_s, u"actual"_s, u"details"_s, u"description"_s, u"body"_s};
    if (longTexts.contains(f)) {
        if (added)
            return tr("wrote the %1").arg(field(f));
        if (removed)
            return tr("cleared the %1").arg(field(f));
        return tr("edited the %1").arg(field(f));
    }
    if (added && f != u"state"_s)
        return tr("%1 set to %2").arg(field(f), value(f, after));
    if (removed && f != u"state"_s)
        return tr("%1 cleared (was %2)").arg(field(f), value(f, before));
    return from(field(f));
}

} // namespace Deltaboard
