#pragma once

#include "database.h"
#include "records.h"

#include <QCoreApplication>
#include <QHash>

namespace Deltaboard {

// Turns history rows into words: the ids they keep (an organisation's priority is field
// 'priority:3', a move stores column ids) become the names of those records. Names are read once
// when the formatter is made.
class HistoryFormatter
{
    // Its sentences are shown in the app in the user's language (the CLI loads no translation,
    // so it prints them in English).
    Q_DECLARE_TR_FUNCTIONS(HistoryFormatter)

public:
    explicit HistoryFormatter(Database &db);

    QString field(const QString &field) const;
    QString value(const QString &field, const QString &value) const;
    // The change as a sentence without its subject, the same for deltas and tasks, in the app
    // and on the command line: "moved from Ready to In progress", "priority for Kestrel: low →
    // high", "commented", "now blocks #12". Who and when are the entry's actor and changedAt.
    QString sentence(const HistoryEntry &entry) const;

private:
    QHash<qint64, QString> m_organisations;
    QHash<qint64, QString> m_groups;
    QHash<qint64, QString> m_columns;
    QHash<qint64, QString> m_components;
};

} // namespace Deltaboard
