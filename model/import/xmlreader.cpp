#include "xmlreader.h"

#include "inputtext.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

#include <optional>

using namespace Qt::StringLiterals;

namespace Deltaboard::Import {

using InputText::notUtf8;

std::optional<Error> xmlNotUtf8(const QString &path, const QByteArray &bytes,
                                const QString &expected)
{
    static const QRegularExpression declaration(
        uR"re(^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+))re"_s);
    const auto match = declaration.match(QString::fromLatin1(bytes.left(200)));
    if (match.hasMatch() && match.captured(1).compare(u"utf-8"_s, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return notUtf8(path, bytes, expected);
}

} // namespace Deltaboard::Import
