#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// Labels (migrations/0004): free names with a colour, on deltas and on tasks. Putting a label on
// a record by a name nobody has used yet makes the label. Every change is a history row on the
// record it changes.
class LabelStore
{
public:
    enum class Target { Delta, Task };

    explicit LabelStore(Database &db)
        : m_db(db)
    {}

    // All labels by name, with how many deltas and tasks carry each.
    Result<QList<Label>> list();
    Result<Label> find(const QString &name);
    // Makes a label; an empty colour takes one from the name. 'id' re-creates a removed label
    // with its old id (undo). Refuses a name in use (case does not count) and a colour that is
    // not "#rrggbb".
    Result<qint64> add(const QString &name, const QString &colour = {},
                       std::optional<qint64> id = {});
    Status setColour(qint64 labelId, const QString &colour);
    Status rename(qint64 labelId, const QString &name);

    // What removing a label took with it, so that undo can put it all back.
    struct Removed
    {
        Label label;
        QList<qint64> deltaIds;
        QList<qint64> taskIds;
    };
    Result<Removed> remove(qint64 labelId);
    Status restore(const Removed &removed);

    // How many deltas and tasks carry the label.
    Result<qint64> uses(qint64 labelId);

    Result<QList<Label>> labelsOf(Target target, qint64 id);
    // The labels of many records at once (a board's cards), by record id.
    Result<QHash<qint64, QList<Label>>> labelsOf(Target target, const QList<qint64> &ids);
    // Puts labels (by name, made when new) on a record; returns the names newly put on it.
    // 'at': when (an import passes its source's time; empty: now).
    Result<QStringList> attach(Target target, qint64 id, const QStringList &names,
                               const QString &at = {});
    // Takes labels off a record; returns the names that were on it.
    Result<QStringList> detach(Target target, qint64 id, const QStringList &names);

    // Why a name cannot be a label's (empty, control characters, over 60 characters), or
    // success: an importer warns instead of failing the run.
    static Status checkName(const QString &name);
    // The colour a new label of this name gets: one of a fixed set, chosen by the name.
    static QString defaultColour(const QString &name);
    static bool isColour(const QString &colour);

private:
    Database &m_db;
};

} // namespace Deltaboard
