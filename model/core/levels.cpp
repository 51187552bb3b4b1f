#include "levels.h"

#include <QCoreApplication>

#include <array>

using namespace Qt::StringLiterals;

namespace Deltaboard::Levels {

namespace {

// Index = stored value (levels) or enum order (kinds, states).
const std::array<QString, 3> kKinds = {u"defect"_s, u"crash"_s, u"spec"_s};
const std::array<QString, 6> kStates
    = {u"new"_s, u"confirmed"_s, u"disputed"_s, u"declined"_s, u"duplicate"_s, u"resolved"_s};
const std::array<QString, 5> kPriorities
    = {u"untriaged"_s, u"low"_s, u"medium"_s, u"high"_s, u"critical"_s};
const std::array<QString, 5> kSeverities
    = {u"trivial"_s, u"minor"_s, u"normal"_s, u"major"_s, u"critical"_s};
const std::array<QString, 5> kImpacts
    = {u"none"_s, u"low"_s, u"medium"_s, u"high"_s, u"critical"_s};

template<std::size_t N>
std::optional<int> indexOf(const std::array<QString, N> &names, const QString &name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i].compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return std::nullopt;
}

template<std::size_t N>
QString nameAt(const std::array<QString, N> &names, int index)
{
    return index >= 0 && std::size_t(index) < N ? names[std::size_t(index)] : QString();
}

template<std::size_t N>
QStringList allOf(const std::array<QString, N> &names)
{
    return QStringList(names.begin(), names.end());
}

} // namespace

QString kindName(DeltaKind kind)
{
    return nameAt(kKinds, int(kind));
}
std::optional<DeltaKind> kindFromName(const QString &name)
{
    const auto index = indexOf(kKinds, name);
    return index ? std::optional(DeltaKind(*index)) : std::nullopt;
}
QStringList kindNames()
{
    return allOf(kKinds);
}

QString stateName(DeltaState state)
{
    return nameAt(kStates, int(state));
}
std::optional<DeltaState> stateFromName(const QString &name)
{
    const auto index = indexOf(kStates, name);
    return index ? std::optional(DeltaState(*index)) : std::nullopt;
}
QStringList stateNames()
{
    return allOf(kStates);
}

QString priorityName(int level)
{
    return nameAt(kPriorities, level);
}
std::optional<int> priorityFromName(const QString &name)
{
    return indexOf(kPriorities, name);
}
QStringList priorityNames()
{
    return allOf(kPriorities);
}

QString severityName(int level)
{
    return nameAt(kSeverities, level);
}
std::optional<int> severityFromName(const QString &name)
{
    return indexOf(kSeverities, name);
}
QStringList severityNames()
{
    return allOf(kSeverities);
}

bool isClosed(DeltaState state)
{
    return state == DeltaState::Resolved || state == DeltaState::Declined
           || state == DeltaState::Duplicate;
}

QString impactName(int level)
{
    return nameAt(kImpacts, level);
}
std::optional<int> impactFromName(const QString &name)
{
    return indexOf(kImpacts, name);
}
QStringList impactNames()
{
    return allOf(kImpacts);
}

namespace {

struct RelationNames
{
    RelationKind kind;
    QString stored;  // delta_relations.kind
    QString forward; // read from the first end
    QString reverse; // read from the other end
};

const std::array<RelationNames, 6> kRelations = {{
    {RelationKind::DuplicateOf, QString(), u"duplicate of"_s, u"duplicated by"_s},
    {RelationKind::Blocks, u"blocks"_s, u"blocks"_s, u"blocked by"_s},
    {RelationKind::DependsOn, u"depends_on"_s, u"depends on"_s, u"needed by"_s},
    {RelationKind::CausedBy, u"caused_by"_s, u"caused by"_s, u"causes"_s},
    {RelationKind::RelatesTo, u"relates_to"_s, u"relates to"_s, u"relates to"_s},
    {RelationKind::SameAs, u"same_as"_s, u"same as"_s, u"same as"_s},
}};

const RelationNames &namesOf(RelationKind kind)
{
    return kRelations[std::size_t(kind)];
}

} // namespace

QString relationName(RelationType type)
{
    const RelationNames &names = namesOf(type.kind);
    return type.reverse ? names.reverse : names.forward;
}

QString relationKey(RelationType type)
{
    return relationName(type).replace(u' ', u'-');
}

std::optional<RelationType> relationFromKey(const QString &key)
{
    QString wanted = key.trimmed().toLower();
    wanted.replace(u'_', u'-').replace(u' ', u'-');
    for (const RelationType type : relationTypes()) {
        if (relationKey(type) == wanted)
            return type;
    }
    return std::nullopt;
}

QList<RelationType> relationTypes()
{
    QList<RelationType> types;
    for (const RelationNames &names : kRelations) {
        types.append({names.kind, false});
        if (!isSymmetric(names.kind))
            types.append({names.kind, true});
    }
    return types;
}

QStringList relationKeys()
{
    QStringList keys;
    for (const RelationType type : relationTypes())
        keys.append(relationKey(type));
    return keys;
}

QString relationStoredName(RelationKind kind)
{
    return namesOf(kind).stored;
}

std::optional<RelationKind> relationFromStoredName(const QString &name)
{
    for (const RelationNames &names : kRelations) {
        if (!names.stored.isEmpty() && names.stored == name)
            return names.kind;
    }
    return std::nullopt;
}

bool isSymmetric(RelationKind kind)
{
    return kind == RelationKind::RelatesTo || kind == RelationKind::SameAs;
}

namespace {

// The names as lupdate finds them (context "Levels"), for the translators.
[[maybe_unused]] const char *const kShownNames[] = {
    QT_TRANSLATE_NOOP("Levels", "defect"),        QT_TRANSLATE_NOOP("Levels", "crash"),
    QT_TRANSLATE_NOOP("Levels", "spec"),          QT_TRANSLATE_NOOP("Levels", "new"),
    QT_TRANSLATE_NOOP("Levels", "confirmed"),     QT_TRANSLATE_NOOP("Levels", "disputed"),
    QT_TRANSLATE_NOOP("Levels", "declined"),      QT_TRANSLATE_NOOP("Levels", "duplicate"),
    QT_TRANSLATE_NOOP("Levels", "resolved"),      QT_TRANSLATE_NOOP("Levels", "untriaged"),
    QT_TRANSLATE_NOOP("Levels", "low"),           QT_TRANSLATE_NOOP("Levels", "medium"),
    QT_TRANSLATE_NOOP("Levels", "high"),          QT_TRANSLATE_NOOP("Levels", "critical"),
    QT_TRANSLATE_NOOP("Levels", "trivial"),       QT_TRANSLATE_NOOP("Levels", "minor"),
    QT_TRANSLATE_NOOP("Levels", "normal"),        QT_TRANSLATE_NOOP("Levels", "major"),
    QT_TRANSLATE_NOOP("Levels", "none"),          QT_TRANSLATE_NOOP("Levels", "duplicate of"),
    QT_TRANSLATE_NOOP("Levels", "duplicated by"), QT_TRANSLATE_NOOP("Levels", "blocks"),
    QT_TRANSLATE_NOOP("Levels", "blocked by"),    QT_TRANSLATE_NOOP("Levels", "depends on"),
    QT_TRANSLATE_NOOP("Levels", "needed by"),     QT_TRANSLATE_NOOP("Levels", "caused by"),
    QT_TRANSLATE_NOOP("Levels", "causes"),        QT_TRANSLATE_NOOP("Levels", "relates to"),
    QT_TRANSLATE_NOOP("Levels", "same as"),
};

} // namespace

QString title(const QString &name)
{
    if (name.isEmpty())
        return name;
    return QCoreApplication::translate("Levels", name.toUtf8().constData());
}

QStringList titles(const QStringList &names)
{
    QStringList shown;
    shown.reserve(names.size());
    for (const QString &name : names)
        shown.append(title(name));
    return shown;
}

QString nameOfTitle(const QString &shown)
{
    for (const char *name : kShownNames) {
        const QString stored = QString::fromLatin1(name);
        if (title(stored) == shown)
            return stored;
    }
    return shown;
}

} // namespace Deltaboard::Levels
