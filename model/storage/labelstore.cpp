#include "labelstore.h"

#include "history.h"
#include "inputtext.h"
#include "sqlvalues.h"
#include "teamrights.h"

#include <QHash>
#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// The fixed SQL names of a target: its link table, its id column, its table and history entity.
struct TargetNames
{
    QString links;
    QString column;
    QString table;
    QString entity;
};

TargetNames namesOf(LabelStore::Target target)
{
    if (target == LabelStore::Target::Delta)
        return {u"delta_labels"_s, u"delta_id"_s, u"deltas"_s, u"delta"_s};
    return {u"task_labels"_s, u"task_id"_s, u"tasks"_s, u"task"_s};
}

QString checkedName(const QString &name, Status *status)
{
    const QString trimmed = name.simplified();
    const bool control = std::any_of(trimmed.begin(), trimmed.end(),
                                     [](QChar c) { return c.category() == QChar::Other_Control; });
    if (trimmed.isEmpty())
        *status = Error{u"a label needs a name"_s};
    else if (control)
        *status = Error{
            u"label name %1: control characters are not allowed"_s.arg(InputText::quoted(trimmed))};
    else if (trimmed.size() > 60)
        *status
            = Error{u"label name '%1…': expected at most 60 characters"_s.arg(trimmed.left(40))};
    return trimmed;
}

} // namespace

Status LabelStore::checkName(const QString &name)
{
    Status status;
    checkedName(name, &status);
    return status;
}

QString LabelStore::defaultColour(const QString &name)
{
    // Distinct, readable under white text, and stable for a name.
    static const std::array<QString, 10> colours
        = {u"#1f77b4"_s, u"#d62728"_s, u"#2ca02c"_s, u"#9467bd"_s, u"#8c564b"_s,
           u"#e377c2"_s, u"#7f7f7f"_s, u"#bcbd22"_s, u"#17becf"_s, u"#ff7f0e"_s};
    return colours[qHash(name.toLower(), 0) % colours.size()];
}

bool LabelStore::isColour(const QString &colour)
{
    static const QRegularExpression pattern(u"^#[0-9a-f]{6}$"_s);
    return pattern.match(colour).hasMatch();
}

Result<QList<Label>> LabelStore::list()
{
    const auto query
        = m_db.run(u"SELECT l.id, l.name, l.colour, (SELECT count(*) FROM delta_labels WHERE "
                   u"label_id = l.id), "
                   u"(SELECT count(*) FROM task_labels WHERE label_id = l.id) FROM labels l "
                   u"ORDER BY l.name COLLATE NOCASE"_s);
    if (!query)
        return Error{query.error()};
    QList<Label> labels;
    while ((*query)->next()) {
        QSqlQuery &q = **query;
        labels.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toInt(), q.value(4).toInt()});
    }
    return labels;
}

Result<Label> LabelStore::find(const QString &name)
{
    const auto query
        = m_db.run(u"SELECT id, name, colour FROM labels WHERE name = ?"_s, {name.simplified()});
    if (!query)
        return Error{query.error()};
    if (!(*query)->next())
        return Error{u"no label named '%1'"_s.arg(name.simplified())};
    Label label{(*query)->value(0).toLongLong(), (*query)->value(1).toString(),
                (*query)->value(2).toString()};
    (*query)->finish();
    return label;
}

Result<qint64> LabelStore::add(const QString &name, const QString &colour, std::optional<qint64> id)
{
    Status valid;
    const QString trimmed = checkedName(name, &valid);
    if (!valid)
        return Error{valid.error()};
    const QString chosen = colour.isEmpty() ? defaultColour(trimmed) : colour.toLower();
    if (!isColour(chosen))
        return Error{u"label colour: expected #rrggbb, not '%1'"_s.arg(colour)};
    Transaction transaction(m_db);
    const auto inserted = m_db.insert(u"INSERT INTO labels (id, name, colour) VALUES (?, ?, ?)"_s,
                                      {Sql::optionalValue(id), trimmed, chosen});
    if (!inserted) {
        if (inserted.error().contains(u"UNIQUE"_s))
            return Error{u"a label named '%1' already exists"_s.arg(trimmed)};
        return Error{inserted.error()};
    }
    const qint64 newId = *inserted;
    if (const Status logged = History(m_db).record(u"label"_s, newId, u"created"_s, {}, trimmed);
        !logged) {
        return Error{logged.error()};
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return newId;
}

Status LabelStore::setColour(qint64 labelId, const QString &colour)
{
    if (!isColour(colour.toLower()))
        return Error{u"label colour: expected #rrggbb, not '%1'"_s.arg(colour)};
    Transaction transaction(m_db);
    const auto before = m_db.scalar(u"SELECT colour FROM labels WHERE id = ?"_s, {labelId});
    if (!before)
        return Error{before.error()};
    if (!before->isValid())
        return Error{u"no label with id %1"_s.arg(labelId)};
    if (const Status set = m_db.execOnce(u"UPDATE labels SET colour = ? WHERE id = ?"_s,
                                         {colour.toLower(), labelId});
        !set) {
        return set;
    }
    if (const Status logged = History(m_db).recordChanges(
            u"label"_s, labelId, {{u"colour"_s, *before, colour.toLower()}});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Status LabelStore::rename(qint64 labelId, const QString &name)
{
    Status valid;
    const QString trimmed = checkedName(name, &valid);
    if (!valid)
        return valid;
    Transaction transaction(m_db);
    const auto before = m_db.scalar(u"SELECT name FROM labels WHERE id = ?"_s, {labelId});
    if (!before)
        return Error{before.error()};
    if (!before->isValid())
        return Error{u"no label with id %1"_s.arg(labelId)};
    if (const Status set
        = m_db.execOnce(u"UPDATE labels SET name = ? WHERE id = ?"_s, {trimmed, labelId});
        !set) {
        if (set.error().contains(u"UNIQUE"_s))
            return Error{u"a label named '%1' already exists"_s.arg(trimmed)};
        return set;
    }
    if (const Status logged
        = History(m_db).recordChanges(u"label"_s, labelId, {{u"name"_s, *before, trimmed}});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<LabelStore::Removed> LabelStore::remove(qint64 labelId)
{
    Transaction transaction(m_db);
    Removed removed;
    const auto label = m_db.run(u"SELECT id, name, colour FROM labels WHERE id = ?"_s, {labelId});
    if (!label)
        return Error{label.error()};
    if (!(*label)->next())
        return Error{u"no label with id %1"_s.arg(labelId)};
    removed.label = {(*label)->value(0).toLongLong(), (*label)->value(1).toString(),
                     (*label)->value(2).toString()};
    (*label)->finish();
    const auto deltas = m_db.integers(
        u"SELECT delta_id FROM delta_labels WHERE label_id = ? ORDER BY delta_id"_s, {labelId});
    const auto tasks = m_db.integers(
        u"SELECT task_id FROM task_labels WHERE label_id = ? ORDER BY task_id"_s, {labelId});
    if (!deltas || !tasks)
        return Error{deltas ? tasks.error() : deltas.error()};
    removed.deltaIds = *deltas;
    removed.taskIds = *tasks;
    History history(m_db);
    for (const auto &[ids, entity] :
         {std::pair{&removed.deltaIds, u"delta"_s}, std::pair{&removed.taskIds, u"task"_s}}) {
        for (const qint64 id : *ids) {
            if (const Status logged
                = history.record(entity, id, u"label"_s, removed.label.name, {});
                !logged) {
                return Error{logged.error()};
            }
        }
    }
    if (const Status logged
        = history.record(u"label"_s, labelId, u"deleted"_s, removed.label.name, {});
        !logged) {
        return Error{logged.error()};
    }
    // The links go with the label (ON DELETE CASCADE).
    if (const Status gone = m_db.execOnce(u"DELETE FROM labels WHERE id = ?"_s, {labelId}); !gone)
        return Error{gone.error()};
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return removed;
}

Status LabelStore::restore(const Removed &removed)
{
    Transaction transaction(m_db);
    if (const auto added = add(removed.label.name, removed.label.colour, removed.label.id); !added)
        return Error{added.error()};
    for (const qint64 id : removed.deltaIds) {
        if (const auto attached = attach(Target::Delta, id, {removed.label.name}); !attached)
            return Error{attached.error()};
    }
    for (const qint64 id : removed.taskIds) {
        if (const auto attached = attach(Target::Task, id, {removed.label.name}); !attached)
            return Error{attached.error()};
    }
    return transaction.commit();
}

Result<qint64> LabelStore::uses(qint64 labelId)
{
    const auto used = m_db.scalar(u"SELECT (SELECT count(*) FROM delta_labels WHERE label_id = ?) "
                                  u"+ (SELECT count(*) FROM task_labels WHERE label_id = ?)"_s,
                                  {labelId, labelId});
    if (!used)
        return Error{used.error()};
    return used->toLongLong();
}

Result<QList<Label>> LabelStore::labelsOf(Target target, qint64 id)
{
    // One record's labels by their own statement: an import asks once per record, and a list of
    // 256 bound ids costs PostgreSQL a plan per call.
    const TargetNames names = namesOf(target);
    const auto query = m_db.run(
        u"SELECT l.id, l.name, l.colour FROM %1 x JOIN labels l ON l.id = x.label_id "
        u"WHERE x.%2 = ? ORDER BY l.name COLLATE NOCASE"_s.arg(names.links, names.column),
        {id});
    if (!query)
        return Error{query.error()};
    QList<Label> labels;
    while ((*query)->next()) {
        QSqlQuery &q = **query;
        labels.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    return labels;
}

Result<QHash<qint64, QList<Label>>> LabelStore::labelsOf(Target target, const QList<qint64> &ids)
{
    QHash<qint64, QList<Label>> result;
    const TargetNames names = namesOf(target);
    // In batches of bound ids; the names are fixed texts.
    constexpr int kBatch = 256;
    for (qsizetype start = 0; start < ids.size(); start += kBatch) {
        const QList<qint64> batch = ids.mid(start, kBatch);
        const auto query = m_db.run(
            u"SELECT x.%1, l.id, l.name, l.colour FROM %2 x JOIN labels l ON l.id = x.label_id "
            u"WHERE x.%1 IN (%3) ORDER BY l.name COLLATE NOCASE"_s.arg(names.column, names.links,
                                                                       Sql::placeholders(kBatch)),
            Sql::paddedIds(batch, kBatch));
        if (!query)
            return Error{query.error()};
        while ((*query)->next()) {
            QSqlQuery &q = **query;
            result[q.value(0).toLongLong()].append(
                {q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString()});
        }
    }
    return result;
}

namespace {

Status mayLabel(Database &db, LabelStore::Target target, qint64 id)
{
    return target == LabelStore::Target::Task
               ? TeamRights::toChangeTask(db, id, u"its tasks' labels"_s)
               : TeamRights::toShare(db, u"label deltas"_s);
}

} // namespace

Result<QStringList> LabelStore::attach(Target target, qint64 id, const QStringList &names,
                                       const QString &at)
{
    if (const Status allowed = mayLabel(m_db, target, id); !allowed)
        return Error{allowed.error()};
    const TargetNames sql = namesOf(target);
    Transaction transaction(m_db);
    const auto exists = m_db.scalar(u"SELECT 1 FROM %1 WHERE id = ?"_s.arg(sql.table), {id});
    if (!exists)
        return Error{exists.error()};
    if (!exists->isValid())
        return Error{u"no %1 with id %2"_s.arg(sql.entity).arg(id)};
    QStringList added;
    for (const QString &name : names) {
        auto label = find(name);
        if (!label) {
            const auto made = add(name);
            if (!made)
                return Error{made.error()};
            label = Label{*made, name.simplified(), defaultColour(name.simplified())};
        }
        const auto inserted = m_db.run(u"INSERT INTO %1 (%2, label_id) VALUES (?, ?) "
                                       u"ON CONFLICT DO NOTHING"_s.arg(sql.links, sql.column),
                                       {id, label->id});
        if (!inserted)
            return Error{inserted.error()};
        if ((*inserted)->numRowsAffected() == 0)
            continue;
        if (const Status logged
            = History(m_db).record(sql.entity, id, u"label"_s, {}, label->name, at);
            !logged) {
            return Error{logged.error()};
        }
        added.append(label->name);
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return added;
}

Result<QStringList> LabelStore::detach(Target target, qint64 id, const QStringList &names)
{
    if (const Status allowed = mayLabel(m_db, target, id); !allowed)
        return Error{allowed.error()};
    const TargetNames sql = namesOf(target);
    Transaction transaction(m_db);
    QStringList removed;
    for (const QString &name : names) {
        const auto label = find(name);
        if (!label)
            return Error{label.error()};
        const auto deleted
            = m_db.run(u"DELETE FROM %1 WHERE %2 = ? AND label_id = ?"_s.arg(sql.links, sql.column),
                       {id, label->id});
        if (!deleted)
            return Error{deleted.error()};
        if ((*deleted)->numRowsAffected() == 0)
            continue;
        if (const Status logged = History(m_db).record(sql.entity, id, u"label"_s, label->name, {});
            !logged) {
            return Error{logged.error()};
        }
        removed.append(label->name);
    }
    if (const Status committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return removed;
}

} // namespace Deltaboard
