#include "sqlvalues.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deltaboard::Sql {

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
