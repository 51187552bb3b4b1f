#pragma once

#include "database.h"
#include "records.h"

namespace Deltaboard {

// Saved filters ("views") of an organisation, in the order the View menu lists them.
class SavedViewStore
{
public:
    explicit SavedViewStore(Database &db)
        : m_db(db)
    {}

    Result<QList<SavedView>> list(qint64 organisationId);
    Result<SavedView> find(qint64 organisationId, const QString &name);
    // Saves a filter under a name new to the organisation; it goes last, unless 'view.position'
    // and 'view.id' are set (undo puts a removed one back where it was). Returns its id.
    Result<qint64> add(const SavedView &view);
    // Saving under a name in use replaces what that view shows and its filter.
    Status replace(qint64 id, const QString &view, const QString &filter);
    Result<SavedView> remove(qint64 id);

    static bool isView(const QString &view);

private:
    Database &m_db;
};

} // namespace Deltaboard
