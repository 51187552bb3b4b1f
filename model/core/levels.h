#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Deltaboard {

// The closed vocabularies of the model, with their stored names. Stored values never change
// meaning: the schema (migrations/0001_initial.sql) documents the same numbers.

enum class DeltaKind { Defect, Crash, Spec };
enum class DeltaState { New, Confirmed, Disputed, Declined, Duplicate, Resolved };

// An organisation's priority on a delta. Absence of a priority row means "no view".
enum class Priority { Untriaged = 0, Low = 1, Medium = 2, High = 3, Critical = 4 };
// A delta's impact on a user group. Absence of an impact row means "not assessed".
enum class Impact { None = 0, Low = 1, Medium = 2, High = 3, Critical = 4 };

namespace Levels {

QString kindName(DeltaKind kind);
std::optional<DeltaKind> kindFromName(const QString &name);
QStringList kindNames();

QString stateName(DeltaState state);
std::optional<DeltaState> stateFromName(const QString &name);
QStringList stateNames();

QString priorityName(int level);
std::optional<int> priorityFromName(const QString &name);
QStringList priorityNames();

QString impactName(int level);
std::optional<int> impactFromName(const QString &name);
QStringList impactNames();

} // namespace Levels
} // namespace Deltaboard
