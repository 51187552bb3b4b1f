#include "palette.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Deltaboard::Palette {

QColor colourFor(const QString &value)
{
    static const QHash<QString, QColor> colours = {
        {u"defect"_s, QColor(0xd9, 0x6c, 0x2b)},    {u"crash"_s, QColor(0xc0, 0x39, 0x2b)},
        {u"spec"_s, QColor(0x2e, 0x7d, 0x9a)},      {u"critical"_s, QColor(0xb7, 0x1c, 0x1c)},
        {u"high"_s, QColor(0xe0, 0x6c, 0x00)},      {u"medium"_s, QColor(0xb8, 0x95, 0x00)},
        {u"low"_s, QColor(0x6d, 0x8b, 0x74)},       {u"none"_s, QColor(0x9e, 0x9e, 0x9e)},
        {u"untriaged"_s, QColor(0x9e, 0x9e, 0x9e)},
    };
    return colours.value(value, QColor(0x75, 0x75, 0x75));
}

QColor levelColour(int level)
{
    static const QColor levels[]
        = {QColor(0x9e, 0x9e, 0x9e), QColor(0x6d, 0x8b, 0x74), QColor(0xb8, 0x95, 0x00),
           QColor(0xe0, 0x6c, 0x00), QColor(0xb7, 0x1c, 0x1c)};
    return levels[std::clamp(level, 0, 4)];
}

QColor warning()
{
    return QColor(0xc6, 0x28, 0x28);
}

} // namespace Deltaboard::Palette
