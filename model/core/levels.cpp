#include "levels.h"

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

} // namespace Deltaboard::Levels
