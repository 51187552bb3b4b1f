#pragma once

#include "database.h"
#include "records.h"

#include <QVariant>

namespace Deltaboard {

// The change history: one row per changed field, written by the stores inside the same
// transaction as the change itself.
class History
{
public:
    explicit History(Database &db)
        : m_db(db)
    {}

    // Records that 'field' of entity 'entityId' went from oldValue to newValue, at 'at' (empty:
    // the database clock's time; an import passes its source's), by the database's actor. Null
    // QVariants are stored as NULL.
    Status record(const QString &entity, qint64 entityId, const QString &field,
                  const QVariant &oldValue, const QVariant &newValue, const QString &at = {});

    // One field's value before and after a change.
    struct Change
    {
        QString field;
        QVariant before;
        QVariant after;
    };
    // Records each change whose value differs (a store that writes several fields at once).
    Status recordChanges(const QString &entity, qint64 entityId, const QList<Change> &changes);

    // Oldest first.
    Result<QList<HistoryEntry>> list(const QString &entity, qint64 entityId);
    // Who changed the record last, and when, for a refusal: "ada at 2026-11-29 12:03 UTC";
    // "someone" when the history does not say.
    QString lastChange(const QString &entity, qint64 entityId);

private:
    Database &m_db;
};

} // namespace Deltaboard
