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

} // namespace Deltaboard::Palette
