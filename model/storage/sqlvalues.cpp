#include "sqlvalues.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard::Sql {

QList<qint64> ids(QSqlQuery &query)
{
    QList<qint64> found;
    while (query.next())
        found.append(query.value(0).toLongLong());
    return found;
}

QString placeholders(int count)
{
    QStringList marks;
    for (int i = 0; i < count; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

QVariantList paddedIds(const QList<qint64> &ids, int count)
{
    QVariantList values;
    values.reserve(count);
    for (const qint64 id : ids)
        values.append(id);
    while (values.size() < count)
        values.append(qint64(0));
    return values;
}

QString ftsQuery(const QString &text)
{
    static const QRegularExpression separators(u"[\\s\"]+"_s);
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString &word : words)
        terms.append(u'"' + word + u"\"*"_s);
    return terms.join(u' ');
}

} // namespace Deltaboard::Sql
