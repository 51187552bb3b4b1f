#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Deltaboard {

// The closed vocabularies of the model, with their stored names. Stored values never change
// meaning: the schema (migrations/0001_initial.sql) documents the same numbers.

enum class DeltaKind { Defect, Crash, Spec };
enum class DeltaState { New, Confirmed, Disputed, Declined, Duplicate, Resolved };

// A typed relation between two deltas (migrations/0004). DuplicateOf is the deltas.duplicate_of
// column (it goes with the state 'duplicate'); the others are rows of delta_relations.
enum class RelationKind { DuplicateOf, Blocks, DependsOn, CausedBy, RelatesTo, SameAs };

// A relation as seen from one of its two ends: "A blocks B" is, from B, Blocks reversed
// ("blocked by"). Symmetric kinds (relates to, same as) read the same from both ends.
struct RelationType
{
    RelationKind kind = RelationKind::RelatesTo;
    bool reverse = false;
    friend bool operator==(const RelationType &, const RelationType &) = default;
};

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

// A delta's severity: the reporter's view of how bad it is (migrations/0005), 0 trivial ..
// 4 critical, one scale every importer maps its tracker's onto.
QString severityName(int level);
std::optional<int> severityFromName(const QString &name);
QStringList severityNames();

// Resolved, declined and duplicate: no work is expected on the delta (it has a closed_at).
bool isClosed(DeltaState state);

QString impactName(int level);
std::optional<int> impactFromName(const QString &name);
QStringList impactNames();

// How a relation reads from one end: "blocked by". Its key is the same in one word, as the
// command line takes it: "blocked-by".
QString relationName(RelationType type);
QString relationKey(RelationType type);
// Accepts the key, the name, or either with underscores ("blocked_by"), in any case.
std::optional<RelationType> relationFromKey(const QString &key);
// Every way a relation can be read, in the order a picker lists them.
QList<RelationType> relationTypes();
QStringList relationKeys();
// The stored name of a kind in delta_relations ("depends_on"); empty for DuplicateOf.
QString relationStoredName(RelationKind kind);
std::optional<RelationKind> relationFromStoredName(const QString &name);
bool isSymmetric(RelationKind kind);

// How the app shows a stored name of any of these vocabularies ("high", "blocked by") in the
// user's language; English shows the stored name itself. The CLI and the files keep the stored
// names. An unknown name comes back as it is.
QString title(const QString &name);
QStringList titles(const QStringList &names);
// The stored name a title shows, for what keys colours by name ("hoch" → "high"); the text
// itself when it is no title.
QString nameOfTitle(const QString &title);

} // namespace Levels
} // namespace Deltaboard
