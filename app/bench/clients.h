#pragma once

#include <QString>

#include <functional>

namespace Deltaboard::Bench {

using FigureSink = std::function<void(const QString &name, double value, const QString &unit)>;

// The team database under load (issue 16): 'clients' threads, each with its own connection as
// a login of its own (created, member of one organisation), moving its organisation's cards and
// setting its priorities at about 'rate' operations a second for 'seconds'; one observer in
// this thread keeps the first organisation's board and re-reads it on every announcement of
// one of its cards. Figures: writes accepted and refused, lost updates and writes missing from
// the history (both must be 0), write latency p50/p99, and the time from a write's start to the
// observer's board holding it (p50/p95). 'url' names a generated workspace on PostgreSQL; the
// login in it must be able to create logins (CREATEROLE).
int measureClients(const QString &url, int clients, int seconds, double rate,
                   const FigureSink &figure);

} // namespace Deltaboard::Bench
