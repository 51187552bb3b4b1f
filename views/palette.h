#pragma once

#include <QColor>
#include <QString>

class QPalette;

// The colours that mean the same thing everywhere in the app: delta kinds and levels.
namespace Deltaboard::Palette {

// For a kind ("defect", "crash", "spec") or a level name ("critical", "high", ...).
QColor colourFor(const QString &value);
// For a priority or impact level 0..4 (0 is "untriaged" or "none").
QColor levelColour(int level);
// The colour of a column header over its WIP limit.
QColor warning();
// The background of a row where two organisations disagree strongly.
QColor disagreement();

// Colours made from the palette, so the app reads as well in a dark theme or in high contrast
// as in a light one.
bool isDark(const QPalette &palette);
QColor mix(const QColor &from, const QColor &to, double amount);
QColor headerBackground(const QPalette &palette); // a board column's header
QColor columnBackground(const QPalette &palette); // under a column's cards
QColor cardBorder(const QPalette &palette);
QColor mutedChip(const QPalette &palette); // "no report linked"
QColor errorText(const QPalette &palette);
QColor goodText(const QPalette &palette);
QColor cautionText(const QPalette &palette);
QColor noticeBackground(const QPalette &palette); // a note over an editor
QColor noticeText(const QPalette &palette);
// A heat map cell's fill for an impact level 0..4 (light to dark), and the text on it.
QColor heat(int level);
QColor heatText(int level);
// A card's tint after this many days in its column (transparent while it is fresh).
QColor aging(int days);
// A person's colour (the same name, the same colour, in every session) and initials ("Ana
// Lima" → "AL", "ana" → "A").
QColor personColour(const QString &name);
QString initials(const QString &name);
// The stages of coverage, uncommitted .. verified (0..4).
QColor coverageStage(int stage);

} // namespace Deltaboard::Palette
