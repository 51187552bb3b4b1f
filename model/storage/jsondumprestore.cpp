#include "jsondump.h"

#include "inputtext.h"
#include "jsondumpschema.h"
#include "jsonstream.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <cmath>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

// The restore of an export: read in chunks, twice, never whole (see JsonDump::importFrom).

namespace Deltaboard {

using namespace JsonDumpSchema;

namespace {

// An export is restored in chunks, so its size costs no memory; one record is held whole, and
// the header's values are small.
constexpr qint64 kMaxExportSize = qint64(64) * 1024 * 1024 * 1024;
constexpr qint64 kMaxRecordSize = qint64(256) * 1024 * 1024;
constexpr qint64 kMaxHeaderValue = 1024 * 1024;
// The page cache while a restore writes, and the one Database gives every connection.
constexpr int kRestoreCacheKiB = 128 * 1024;
constexpr int kUsualCacheKiB = 32000;

// Where one table's records are in an export: the offset of its '[' and how many it holds.
struct TableSlice
{
    qint64 offset = 0;
    qint64 records = 0;
};

// What a first pass over an export finds without parsing its records: the header's values, where
// each table is, and the first thing wrong with "tables" (reported after the header's faults,
// as a whole-document parse would find them).
struct ExportIndex
{
    QJsonValue format = QJsonValue(QJsonValue::Undefined);
    QJsonValue schemaVersion = QJsonValue(QJsonValue::Undefined);
    bool hasTables = false;
    QString tablesError;
    QHash<QString, TableSlice> tables;
};

// Consumes the ',' between members or the closing bracket; true when the container goes on.
Result<bool> nextMember(JsonStream &in, char close)
{
    const auto next = in.peek();
    if (!next)
        return Error{next.error()};
    if (*next == ',' || *next == close) {
        in.consume();
        return *next == ',';
    }
    return in.malformed(in.offset(),
                        *next == '\0' ? u"the file ends before \"%1\""_s.arg(QLatin1Char(close))
                                      : u"\",\" or \"%1\" was expected"_s.arg(QLatin1Char(close)));
}

Status expectColon(JsonStream &in)
{
    const auto next = in.peek();
    if (!next)
        return Error{next.error()};
    if (*next != ':')
        return in.malformed(in.offset(), u"\":\" was expected after a name"_s);
    in.consume();
    return {};
}

Status indexTables(JsonStream &in, ExportIndex &index)
{
    in.consume(); // '{'
    const auto first = in.peek();
    if (!first)
        return Error{first.error()};
    if (*first == '}') {
        in.consume();
        return {};
    }
    const auto fault = [&](const QString &message) {
        if (index.tablesError.isEmpty())
            index.tablesError = message;
        return in.skipValue();
    };
    while (true) {
        const auto name = in.string();
        if (!name)
            return Error{name.error()};
        if (const Status colon = expectColon(in); !colon)
            return colon;
        const auto next = in.peek();
        if (!next)
            return Error{next.error()};
        Status read;
        if (!JsonDump::tables().contains(*name)) {
            read = fault(u"%1: tables: %2 is not a table of Deltaboard"_s.arg(
                in.path(), InputText::quoted(*name)));
        } else if (*next != '[') {
            read = fault(u"%1: tables.%2: expected a list of records"_s.arg(in.path(), *name));
        } else if (index.tables.contains(*name)) {
            read = fault(u"%1: tables.%2: given twice"_s.arg(in.path(), *name));
        } else {
            // Each record is only passed over here (strings and nesting followed, depth
            // checked): the second pass parses them one at a time.
            TableSlice slice{in.offset(), 0};
            in.consume(); // '['
            const auto empty = in.peek();
            if (!empty)
                return Error{empty.error()};
            if (*empty == ']') {
                in.consume();
            } else {
                while (true) {
                    if (const Status skipped = in.skipValue(); !skipped)
                        return skipped;
                    ++slice.records;
                    const auto more = nextMember(in, ']');
                    if (!more)
                        return Error{more.error()};
                    if (!*more)
                        break;
                }
            }
            index.tables.insert(*name, slice);
        }
        if (!read)
            return read;
        const auto more = nextMember(in, '}');
        if (!more)
            return Error{more.error()};
        if (!*more)
            return {};
    }
}

// The first pass: the whole file is read once, nothing is kept but where things are.
Result<ExportIndex> indexExport(JsonStream &in)
{
    ExportIndex index;
    const auto first = in.peek();
    if (!first)
        return Error{first.error()};
    if (*first == '\0')
        return in.malformed(0, u"the file is empty"_s);
    if (*first != '{')
        return Error{u"%1: expected a JSON object at the top level"_s.arg(in.path())};
    in.consume();
    const auto closing = in.peek();
    if (!closing)
        return Error{closing.error()};
    bool more = *closing != '}';
    if (!more)
        in.consume();
    while (more) {
        const auto key = in.string();
        if (!key)
            return Error{key.error()};
        if (const Status colon = expectColon(in); !colon)
            return Error{colon.error()};
        const auto next = in.peek();
        if (!next)
            return Error{next.error()};
        if (*key == u"format"_s || *key == u"schema_version"_s) {
            const auto decoded = in.scalar(kMaxHeaderValue);
            if (!decoded)
                return Error{decoded.error()};
            (*key == u"format"_s ? index.format : index.schemaVersion) = *decoded;
        } else if (*key == u"tables"_s && !index.hasTables && *next == '{') {
            index.hasTables = true;
            if (const Status tables = indexTables(in, index); !tables)
                return Error{tables.error()};
        } else {
            if (*key == u"tables"_s && index.tablesError.isEmpty()) {
                index.tablesError
                    = index.hasTables
                          ? u"%1: tables: given twice"_s.arg(in.path())
                          : u"%1: tables: expected an object of tables"_s.arg(in.path());
                index.hasTables = true;
            }
            if (const Status skipped = in.skipValue(); !skipped)
                return Error{skipped.error()};
        }
        const auto member = nextMember(in, '}');
        if (!member)
            return Error{member.error()};
        more = *member;
    }
    const auto after = in.peek();
    if (!after)
        return Error{after.error()};
    if (*after != '\0')
        return in.malformed(in.offset(), u"more after the export's end"_s);
    if (const Status density = in.checkDensity(); !density)
        return Error{density.error()};
    return index;
}

// Records checked and converted, ready to be inserted: for each, which columns it gives (bit i
// for column i) and where its values are. A batch's values and text live in three buffers, so
// the writing thread frees three blocks per batch, not one or two per value (blocks freed by
// another thread than the one that made them are what glibc's allocator is slowest at).
struct PreparedCell
{
    Database::Repeated::Value::Kind kind = Database::Repeated::Value::Kind::Null;
    qint64 integer = 0;
    double real = 0;
    qsizetype textOffset = 0; // in the batch's text
    qsizetype textLength = 0;
};

struct PreparedRow
{
    quint64 given = 0;
    std::size_t firstCell = 0;
    std::size_t cells = 0;
};

// Records handed from the thread that reads and parses the file to the one that writes them, in
// file order, a batch at a time; a batch may end with the error that stopped the reader. At most
// kDepth batches wait, so memory stays bounded however far the reader could run ahead.
class RecordPipe
{
public:
    struct Batch
    {
        int table = 0; // index in the restore's plan
        qint64 firstRow = 0;
        std::vector<PreparedRow> rows;
        std::vector<PreparedCell> cells;
        QByteArray text; // UTF-8
        QString error;   // the reader stopped after these rows
    };
    static constexpr std::size_t kDepth = 4;
    static constexpr std::size_t kBatchRows = 512;

    // False once the writer has stopped: the reader should stop too.
    bool push(Batch &&batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_batches.size() < kDepth; });
        if (m_stopped)
            return false;
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }

    // The next batch, or nothing once the reader has finished and all were taken.
    std::optional<Batch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_finished || !m_batches.empty(); });
        if (m_batches.empty())
            return std::nullopt;
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return batch;
    }

    void finish()
    {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }

    void stop()
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_batches;
    bool m_finished = false;
    bool m_stopped = false;
};

// Inserts one table's records. Only the fields a record has are inserted, so a missing field
// gets the column's default, exactly as the schema would give it; the statement for each set of
// fields is built once (an export gives every field of every record, so there is one).
class TableInserter
{
public:
    TableInserter(Database &db, const QString &path, const QString &table,
                  const QList<ColumnInfo> &columns)
        : m_db(db)
        , m_path(path)
        , m_table(table)
        , m_columns(columns)
        , m_values(columns.size())
    {
        for (qsizetype i = 0; i < columns.size(); ++i)
            m_index.insert(columns.at(i).name, int(i));
    }

    // "file: table[row]", for messages (only made when one is needed).
    QString where(qint64 row) const { return u"%1: %2[%3]"_s.arg(m_path, m_table).arg(row); }

    // Checks a record against the columns and adds it to 'batch' (the reading thread does
    // this); on an error the batch's rows are unchanged.
    Status prepare(const QJsonObject &record, qint64 row, RecordPipe::Batch &batch)
    {
        using Kind = Database::Repeated::Value::Kind;
        std::fill(m_values.begin(), m_values.end(), QJsonValue(QJsonValue::Undefined));
        for (auto it = record.begin(); it != record.end(); ++it) {
            const auto column = m_index.constFind(it.key());
            if (column == m_index.cend())
                return Error{u"%1.%2: not a field of %3"_s.arg(where(row), it.key(), m_table)};
            m_values[*column] = it.value();
        }
        PreparedRow prepared{0, batch.cells.size(), 0};
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            const ColumnInfo &column = m_columns.at(i);
            const QJsonValue &value = m_values.at(i);
            PreparedCell cell;
            if (value.isUndefined() || value.isNull()) {
                if (column.required) {
                    return Error{u"%1.%2: missing; expected %3"_s.arg(where(row), column.name,
                                                                      typeName(column.type))};
                }
                if (value.isUndefined())
                    continue;
            } else {
                switch (column.type) {
                case ColumnType::Integer: {
                    const double number = value.toDouble();
                    if (!value.isDouble() || std::trunc(number) != number) {
                        return Error{u"%1.%2: expected an integer, found %3"_s.arg(
                            where(row), column.name, foundName(value))};
                    }
                    cell.kind = Kind::Integer;
                    cell.integer = value.toInteger();
                    break;
                }
                case ColumnType::Real:
                    if (!value.isDouble()) {
                        return Error{u"%1.%2: expected a number, found %3"_s.arg(
                            where(row), column.name, foundName(value))};
                    }
                    cell.kind = Kind::Real;
                    cell.real = value.toDouble();
                    break;
                case ColumnType::Text: {
                    if (!value.isString()) {
                        return Error{u"%1.%2: expected text, found %3"_s.arg(
                            where(row), column.name, foundName(value))};
                    }
                    // UTF-8, made here on the reading thread: the writer binds the bytes.
                    const QByteArray utf8 = value.toString().toUtf8();
                    cell.kind = Kind::Text;
                    cell.textOffset = batch.text.size();
                    cell.textLength = utf8.size();
                    batch.text.append(utf8);
                    break;
                }
                }
            }
            prepared.given |= quint64(1) << i;
            batch.cells.push_back(cell);
            ++prepared.cells;
        }
        batch.rows.push_back(prepared);
        return {};
    }

    // Inserts a prepared record (the writing thread, the connection's own, does this).
    Status insert(const RecordPipe::Batch &batch, const PreparedRow &prepared, qint64 row)
    {
        auto &statement = m_statements[prepared.given];
        if (!statement)
            statement = std::make_unique<Database::Repeated>(m_db, statementFor(prepared.given));
        m_bound.resize(prepared.cells);
        for (std::size_t i = 0; i < prepared.cells; ++i) {
            const PreparedCell &cell = batch.cells[prepared.firstCell + i];
            m_bound[i]
                = {cell.kind, cell.integer, cell.real,
                   QByteArrayView(batch.text.constData() + cell.textOffset, cell.textLength)};
        }
        if (const Status inserted = statement->run(m_bound, row); !inserted)
            return Error{
                u"%1: %2"_s.arg(where(statement->failedTag() >= 0 ? statement->failedTag() : row),
                                inserted.error())};
        return {};
    }

    // Writes the rows the statements still hold in batches (PostgreSQL).
    Status flush()
    {
        for (auto &[given, statement] : m_statements) {
            if (const Status flushed = statement->flush(); !flushed) {
                return Error{statement->failedTag() >= 0
                                 ? u"%1: %2"_s.arg(where(statement->failedTag()), flushed.error())
                                 : u"%1: in the last rows of %2: %3"_s.arg(m_path, m_table,
                                                                           flushed.error())};
            }
        }
        return {};
    }

private:
    // Identifiers come from the schema (records are checked against it); every value is bound,
    // and each statement is prepared once.
    QString statementFor(quint64 given) const
    {
        QStringList names;
        QStringList placeholders;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            if (given & (quint64(1) << i)) {
                names.append(quoted(m_columns.at(i).name));
                placeholders.append(u"?"_s);
            }
        }
        return u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(quoted(m_table), names.join(u", "_s),
                                                        placeholders.join(u", "_s));
    }

    Database &m_db;
    QString m_path;
    QString m_table;
    QList<ColumnInfo> m_columns;
    QHash<QString, int> m_index;
    std::vector<QJsonValue> m_values;
    std::unordered_map<quint64, std::unique_ptr<Database::Repeated>> m_statements;
    std::vector<Database::Repeated::Value> m_bound;
};

// The full-text indexes filled once at the end of a restore instead of row by row: with SQLite
// 3.40 an FTS5 insert trigger writes a segment at every statement savepoint, which made the
// 100,000 deltas of the benchmark export a third of the restore (as in Import::BulkTextIndex,
// which storage cannot use). The triggers are dropped inside the restore's transaction and made
// again from their own text, so a failure leaves them as they were.
class DeferredTextIndex
{
public:
    explicit DeferredTextIndex(Database &db)
        : m_db(db)
    {}

    Status begin()
    {
        if (m_db.isPostgres())
            return {}; // generated columns: nothing to defer
        for (const auto &[trigger, index] : kIndexes) {
            const auto sql = m_db.scalar(
                u"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"_s, {trigger});
            if (!sql)
                return Error{sql.error()};
            if (!sql->isValid())
                continue; // a schema without it: its rows index themselves however they do
            if (const Status dropped = m_db.execOnce(u"DROP TRIGGER %1"_s.arg(trigger)); !dropped)
                return dropped;
            m_dropped.append({index, sql->toString()});
        }
        return {};
    }

    Status finish()
    {
        for (const auto &[index, trigger] : std::as_const(m_dropped)) {
            // 'rebuild' reads the external content table: the restored rows.
            if (const Status rebuilt
                = m_db.execOnce(u"INSERT INTO %1 (%1) VALUES ('rebuild')"_s.arg(index));
                !rebuilt) {
                return rebuilt;
            }
            if (const Status made = m_db.execOnce(trigger); !made)
                return made;
        }
        m_dropped.clear();
        return {};
    }

private:
    static constexpr std::pair<QLatin1StringView, QLatin1StringView> kIndexes[]
        = {{QLatin1StringView("deltas_fts_insert"), QLatin1StringView("deltas_fts")},
           {QLatin1StringView("tasks_fts_insert"), QLatin1StringView("tasks_fts")}};

    Database &m_db;
    QList<std::pair<QString, QString>> m_dropped; // index, trigger's text
};

// PostgreSQL's counterpart: the derived summaries (deltas.top_impact…, tasks.linked_deltas…)
// computed once at the end of a restore, set-based, instead of by the row triggers. Row by row,
// each impact and task link rewrote its delta or task, and each rewrite of a delta recomputes
// its search column: a 100,000-delta export took over ten minutes. The triggers are disabled
// inside the restore's transaction (DDL is transactional there), so a failure leaves them on.
class DeferredSummaries
{
public:
    explicit DeferredSummaries(Database &db)
        : m_db(db)
    {}

    Status begin()
    {
        if (!m_db.isPostgres())
            return {};
        for (const auto &[table, trigger] : kTriggers) {
            if (const Status off
                = m_db.execOnce(u"ALTER TABLE %1 DISABLE TRIGGER %2"_s.arg(table, trigger));
                !off) {
                return off;
            }
        }
        m_disabled = true;
        return {};
    }

    Status finish()
    {
        if (!m_disabled)
            return {};
        const QString statements[] = {
            u"UPDATE deltas d SET top_impact = s.top_impact, affected_users = s.affected_users, "
            u"impact_weight = s.impact_weight FROM (SELECT i.delta_id, max(i.level) AS "
            u"top_impact, sum(i.affected_users) AS affected_users, sum(i.level * "
            u"coalesce(g.size, 1)) AS impact_weight FROM impacts i JOIN user_groups g ON "
            u"g.id = i.group_id GROUP BY i.delta_id) s WHERE d.id = s.delta_id"_s,
            u"UPDATE tasks t SET linked_deltas = s.linked, top_impact = s.top_impact FROM "
            u"(SELECT td.task_id, count(*) AS linked, max(d.top_impact) AS top_impact FROM "
            u"task_deltas td JOIN deltas d ON d.id = td.delta_id GROUP BY td.task_id) s "
            u"WHERE t.id = s.task_id"_s,
        };
        for (const QString &statement : statements) {
            if (const Status done = m_db.execOnce(statement); !done)
                return done;
        }
        for (const auto &[table, trigger] : kTriggers) {
            if (const Status on
                = m_db.execOnce(u"ALTER TABLE %1 ENABLE TRIGGER %2"_s.arg(table, trigger));
                !on) {
                return on;
            }
        }
        m_disabled = false;
        return {};
    }

private:
    // Fixed names of the schema's (migrations/postgresql), not input.
    static constexpr std::pair<QLatin1StringView, QLatin1StringView> kTriggers[] = {
        {QLatin1StringView("impacts"), QLatin1StringView("impacts_summary_insert")},
        {QLatin1StringView("task_deltas"), QLatin1StringView("task_deltas_summary_insert")},
        {QLatin1StringView("deltas"), QLatin1StringView("deltas_summary_to_tasks")},
    };

    Database &m_db;
    bool m_disabled = false;
};

} // namespace

Status JsonDump::importFrom(const QString &path, const Progress &progress)
{
    // Read twice, in chunks, never whole: first to find the header and where each table is
    // (and to refuse a file that is not an export before anything is written), then table by
    // table in dependency order, each record parsed on its own and inserted.
    JsonStream in(path, m_readChunk);
    if (const Status opened = in.open(kMaxExportSize, u"a Deltaboard export"_s); !opened)
        return opened;
    const auto indexed = indexExport(in);
    if (!indexed)
        return Error{indexed.error()};
    const ExportIndex &index = *indexed;
    if (index.format.toString() != kFormat) {
        return Error{u"%1: format: expected \"%2\" (a Deltaboard export), found %3"_s.arg(
            path, kFormat, foundName(index.format))};
    }
    if (!index.schemaVersion.isDouble())
        return Error{u"%1: schema_version: expected an integer"_s.arg(path)};
    const int version = index.schemaVersion.toInt();
    if (version < 1 || version > m_db.schemaVersion()) {
        return Error{
            u"%1: schema_version: %2 is not one this Deltaboard can read (1 to %3)"_s.arg(path)
                .arg(version)
                .arg(m_db.schemaVersion())};
    }
    if (!index.tablesError.isEmpty())
        return Error{index.tablesError};
    if (!index.hasTables)
        return Error{u"%1: tables: expected an object of tables"_s.arg(path)};

    // Restoring merges nothing: the target must be empty.
    for (const QString &table : tables()) {
        const auto counted = m_db.scalar(u"SELECT count(*) FROM %1"_s.arg(quoted(table)));
        if (!counted)
            return Error{counted.error()};
        if (counted->toLongLong() > 0) {
            return Error{u"%1 is not empty (%2 holds rows); a Deltaboard export is restored into "
                         u"an empty database"_s.arg(m_db.path(), table)};
        }
    }

    qint64 total = 0;
    for (const TableSlice &slice : index.tables)
        total += slice.records;

    Transaction transaction(m_db);
    if (!transaction.status())
        return transaction.status();
    // Rows may refer forwards (a duplicate of a later delta): check references at the end.
    if (const Status deferred
        = m_db.execOnce(m_db.isPostgres() ? u"SET CONSTRAINTS ALL DEFERRED"_s
                                          : u"PRAGMA defer_foreign_keys = ON"_s);
        !deferred) {
        return deferred;
    }
    DeferredTextIndex textIndex(m_db);
    if (const Status begun = textIndex.begin(); !begun)
        return begun;
    DeferredSummaries summaries(m_db);
    if (const Status begun = summaries.begin(); !begun)
        return begun;
    // A larger page cache while the restore writes (the indexes of history and of the crash
    // reports are filled out of order): within the memory budget, the connection's usual one
    // afterwards.
    if (!m_db.isPostgres()) {
        if (const Status cache = m_db.execOnce(u"PRAGMA cache_size = %1"_s.arg(-kRestoreCacheKiB));
            !cache) {
            return cache;
        }
    }
    const auto usualCache = qScopeGuard([this] {
        if (!m_db.isPostgres())
            (void)m_db.execOnce(u"PRAGMA cache_size = %1"_s.arg(-kUsualCacheKiB));
    });

    // The tables to restore, in dependency order, each with its inserter.
    struct Planned
    {
        TableSlice slice;
        QString table;
        std::unique_ptr<TableInserter> inserter;
    };
    std::vector<Planned> plan;
    for (const QString &table : tables()) {
        const auto found = index.tables.constFind(table);
        if (found == index.tables.cend() || found->records == 0)
            continue;
        const auto columns = columnsOf(m_db, table);
        if (!columns)
            return Error{columns.error()};
        plan.push_back(
            {*found, table, std::make_unique<TableInserter>(m_db, path, table, *columns)});
    }

    // One thread reads, parses and checks the records while this one writes them: on two cores
    // the restore takes about as long as SQLite needs. The reader touches only the stream and
    // the inserters' checks, never the connection.
    RecordPipe pipe;
    const auto read = [&] {
        RecordPipe::Batch batch;
        const auto stopAt = [&](const QString &error) {
            batch.error = error;
            (void)pipe.push(std::move(batch));
        };
        for (int t = 0; t < int(plan.size()); ++t) {
            const Planned &planned = plan.at(std::size_t(t));
            // Nesting at the table's '[': the export's object and its "tables".
            if (const Status sought = in.seek(planned.slice.offset, 2); !sought)
                return stopAt(sought.error());
            const auto bracket = in.peek();
            if (!bracket)
                return stopAt(bracket.error());
            if (*bracket != '[')
                return stopAt(
                    in.malformed(in.offset(), u"the file changed while it was read"_s).message);
            in.consume();
            batch = {t, 0, {}, {}, {}, {}};
            for (qint64 row = 0; row < planned.slice.records; ++row) {
                if (batch.rows.size() >= RecordPipe::kBatchRows) {
                    if (!pipe.push(std::move(batch)))
                        return;
                    batch = {t, row, {}, {}, {}, {}};
                }
                const auto next = in.peek();
                if (!next)
                    return stopAt(next.error());
                const qint64 at = in.offset();
                if (*next != '{') {
                    return stopAt(
                        u"%1: expected a record (an object)"_s.arg(planned.inserter->where(row)));
                }
                const auto bytes = in.value(kMaxRecordSize);
                if (!bytes)
                    return stopAt(u"%1 (%2[%3])"_s.arg(bytes.error(), planned.table).arg(row));
                QJsonParseError error;
                const QJsonDocument document = QJsonDocument::fromJson(
                    QByteArray::fromRawData(bytes->data(), bytes->size()), &error);
                if (error.error != QJsonParseError::NoError) {
                    return stopAt(
                        in.malformed(
                              at + error.offset,
                              u"%1 in %2[%3]"_s.arg(error.errorString(), planned.table).arg(row))
                            .message);
                }
                if (const Status prepared
                    = planned.inserter->prepare(document.object(), row, batch);
                    !prepared) {
                    return stopAt(prepared.error());
                }
                if (row + 1 < planned.slice.records) {
                    const auto more = nextMember(in, ']');
                    if (!more)
                        return stopAt(more.error());
                    if (!*more) {
                        return stopAt(
                            in.malformed(in.offset(), u"the file changed while it was read"_s)
                                .message);
                    }
                }
            }
            if (!batch.rows.empty() && !pipe.push(std::move(batch)))
                return;
            batch = {};
        }
    };
    std::thread reader([&] {
        read();
        pipe.finish();
    });
    // Whatever way this function leaves, the reader is told to stop and waited for.
    const auto joinReader = qScopeGuard([&] {
        pipe.stop();
        reader.join();
    });

    qint64 done = 0;
    int writing = -1;
    while (auto batch = pipe.pop()) {
        // A table's batched rows are all written before the next table's: the triggers of the
        // next (impacts, task links) update rows of this one.
        if (batch->table != writing) {
            if (writing >= 0) {
                if (const Status flushed = plan.at(std::size_t(writing)).inserter->flush();
                    !flushed) {
                    return flushed;
                }
            }
            writing = batch->table;
        }
        TableInserter &inserter = *plan.at(std::size_t(batch->table)).inserter;
        for (std::size_t i = 0; i < batch->rows.size(); ++i) {
            if (const Status inserted
                = inserter.insert(*batch, batch->rows[i], batch->firstRow + qint64(i));
                !inserted) {
                return inserted;
            }
            if (++done % kProgressEvery == 0 && progress && !progress(done, total))
                return Error{u"import cancelled; nothing was written"_s};
        }
        if (!batch->error.isEmpty())
            return Error{batch->error};
    }

    for (const Planned &planned : plan) {
        if (const Status flushed = planned.inserter->flush(); !flushed)
            return flushed;
    }
    if (const Status reindexed = textIndex.finish(); !reindexed)
        return reindexed;
    if (m_db.isPostgres()) {
        if (const Status checked = m_db.execOnce(u"SET CONSTRAINTS ALL IMMEDIATE"_s); !checked)
            return Error{
                u"%1: a record refers to a missing record: %2"_s.arg(path, checked.error())};
        // After the checks: a table with reference checks pending cannot have its triggers
        // turned back on.
        if (const Status summarised = summaries.finish(); !summarised)
            return summarised;
        // The planner's statistics of the tables just filled (autovacuum would come to it
        // later; until then it plans for empty tables).
        if (const Status analysed = m_db.execOnce(u"ANALYZE"_s); !analysed)
            return analysed;
        // Ids were written as they are: each identity goes on from the largest.
        for (const QString &table : tables()) {
            const auto columns = columnsOf(m_db, table);
            if (!columns)
                return Error{columns.error()};
            if (columns->isEmpty() || columns->first().name != u"id"_s
                || columns->first().primaryKeyIndex != 1) {
                continue;
            }
            if (const Status set = m_db.execOnce(
                    u"SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 0) + 1, "
                    u"false) FROM %1"_s.arg(quoted(table)),
                    {table});
                !set) {
                return set;
            }
        }
        if (const Status committed = transaction.commit(); !committed)
            return committed;
        if (progress)
            progress(total, total);
        return {};
    }
    const auto violations = m_db.run(u"SELECT \"table\", rowid, parent FROM "
                                     u"pragma_foreign_key_check LIMIT 1"_s);
    if (!violations)
        return Error{violations.error()};
    if ((*violations)->next()) {
        const QString table = (*violations)->value(0).toString();
        const QVariant rowid = (*violations)->value(1);
        const QString parent = (*violations)->value(2).toString();
        (*violations)->finish();
        return Error{
            rowid.isNull()
                ? u"%1: a record of %2 refers to a missing %3 record"_s.arg(path, table, parent)
                : u"%1: the %2 record with id %3 refers to a missing %4 record"_s.arg(
                    path, table, rowid.toString(), parent)};
    }
    if (const Status committed = transaction.commit(); !committed)
        return committed;
    if (progress)
        progress(total, total);
    return {};
}

} // namespace Deltaboard
