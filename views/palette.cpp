#include "palette.h"

#include "levels.h"

#include <QGuiApplication>
#include <QHash>
#include <QPalette>

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
    const auto found = colours.constFind(value);
    if (found != colours.cend())
        return *found;
    // A word in the user's language ("hoch"): its stored name's colour.
    return colours.value(Levels::nameOfTitle(value), QColor(0x75, 0x75, 0x75));
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

namespace {

QPalette current()
{
    return QGuiApplication::palette();
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const auto blend = [amount](double a, double b) {
        return a + (b - a) * amount;
    };
    return QColor::fromRgbF(float(blend(from.redF(), to.redF())),
                            float(blend(from.greenF(), to.greenF())),
                            float(blend(from.blueF(), to.blueF())));
}

QColor disagreement()
{
    return mix(current().color(QPalette::Base), QColor(0xe5, 0x39, 0x35), 0.16);
}

QColor headerBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Window), palette.color(QPalette::WindowText), 0.06);
}

QColor columnBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.06);
}

QColor cardBorder(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.18);
}

QColor mutedChip(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.5);
}

QColor errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

QColor goodText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
}

QColor cautionText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xb7, 0x4d) : QColor(0x8a, 0x5a, 0x00);
}

QColor noticeBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), QColor(0xff, 0xc1, 0x07),
               isDark(palette) ? 0.22 : 0.17);
}

QColor noticeText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xe0, 0xa3) : QColor(0x5c, 0x44, 0x00);
}

QColor heat(int level)
{
    // One hue, growing more intense: readable for the colour-blind, and ordered at a glance. No
    // impact is barely off the background, light or dark; the levels keep their order in both.
    static const QColor levels[]
        = {QColor(0xf3, 0xf1, 0xee), QColor(0xfd, 0xd9, 0xb5), QColor(0xfb, 0xa8, 0x6a),
           QColor(0xe8, 0x6a, 0x2c), QColor(0xa9, 0x32, 0x0f)};
    const QPalette palette = current();
    if (level <= 0)
        return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.05);
    if (!isDark(palette))
        return levels[std::clamp(level, 0, 4)];
    // On a dark background the scale runs from a dim to a bright orange.
    static const QColor dark[] = {QColor(), QColor(0x5a, 0x3a, 0x22), QColor(0x8c, 0x4a, 0x1c),
                                  QColor(0xc8, 0x5a, 0x1e), QColor(0xf5, 0x7c, 0x2a)};
    return dark[std::clamp(level, 1, 4)];
}

QColor heatText(int level)
{
    const QColor fill = heat(level);
    return fill.lightness() < 140 ? QColor(Qt::white) : QColor(0x3a, 0x2a, 0x1e);
}

QColor aging(int days)
{
    // Fresh for a week, then warmer each step: a week, two, a month.
    if (days < 7)
        return QColor(Qt::transparent);
    const QColor base = current().color(QPalette::Base);
    const QColor amber(0xff, 0xa7, 0x26);
    if (days < 14)
        return mix(base, amber, 0.12);
    if (days < 30)
        return mix(base, amber, 0.2);
    return mix(base, amber, 0.28);
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
