#pragma once

#include <QColor>
#include <QString>

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
