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

QColor disagreement()
{
    return QColor(0xfd, 0xe4, 0xe1);
}

QColor heat(int level)
{
    // One hue, growing darker: readable for the colour-blind, and ordered at a glance.
    static const QColor levels[]
        = {QColor(0xf3, 0xf1, 0xee), QColor(0xfd, 0xd9, 0xb5), QColor(0xfb, 0xa8, 0x6a),
           QColor(0xe8, 0x6a, 0x2c), QColor(0xa9, 0x32, 0x0f)};
    return levels[std::clamp(level, 0, 4)];
}

QColor heatText(int level)
{
    return level >= 3 ? QColor(Qt::white) : QColor(0x3a, 0x2a, 0x1e);
}

QColor aging(int days)
{
    // Fresh for a week, then warmer each step: a week, two, a month.
    if (days < 7)
        return QColor(Qt::transparent);
    if (days < 14)
        return QColor(0xff, 0xf7, 0xe0);
    if (days < 30)
        return QColor(0xff, 0xee, 0xcc);
    return QColor(0xfd, 0xe2, 0xcb);
}

QColor coverageStage(int stage)
{
    static const QColor stages[]
        = {QColor(0xc6, 0x28, 0x28), QColor(0xf0, 0x9a, 0x36), QColor(0xf2, 0xd0, 0x4b),
           QColor(0x7f, 0xb8, 0x8a), QColor(0x2e, 0x7d, 0x4f)};
    return stages[std::clamp(stage, 0, 4)];
}

QColor personColour(const QString &name)
{
    // A stable hash (qHash is seeded per process): the hue follows the name's letters.
    quint32 hash = 2166136261u;
    for (const QChar c : name.toLower()) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return QColor::fromHsv(int(hash % 360), 110, 160);
}

QString initials(const QString &name)
{
    QString letters;
    for (const QString &word : name.split(u' ', Qt::SkipEmptyParts)) {
        if (letters.size() == 2)
            break;
        letters.append(word.at(0).toUpper());
    }
    return letters;
}

} // namespace Deltaboard::Palette
