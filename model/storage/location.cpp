#include "location.h"

#include <QSqlDriver>
#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// libpq's conninfo quoting: single quotes, with backslash before ' and \.
QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s);
    escaped.replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

// Parameters Deltaboard sets unless the URL says otherwise: a server that cannot be reached, or
// a TCP peer that went away, is reported within seconds instead of hanging the app.
const QPair<QString, QString> kDefaults[] = {
    {u"connect_timeout"_s, u"10"_s}, {u"keepalives"_s, u"1"_s},
    {u"keepalives_idle"_s, u"10"_s}, {u"keepalives_interval"_s, u"5"_s},
    {u"keepalives_count"_s, u"3"_s}, {u"application_name"_s, u"deltaboard"_s},
};

} // namespace

bool Location::isUrl(const QString &text)
{
    return text.startsWith(u"postgresql://"_s, Qt::CaseInsensitive)
           || text.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

Result<Location> Location::parse(const QString &text)
{
    Location location;
    location.m_text = text;
    if (!isUrl(text)) {
        location.m_kind = Kind::File;
        return location;
    }
    location.m_kind = Kind::Postgres;
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(text.toUtf8().constData(), &error);
    if (!options) {
        QString why = error ? QString::fromUtf8(error).trimmed() : u"out of memory"_s;
        PQfreemem(error);
        // libpq's message may quote the URL; the first line says what is wrong.
        why = why.section(u'\n', 0, 0);
        return Error{u"%1 is not a valid PostgreSQL URL: %2"_s.arg(
            QUrl(text).toDisplayString(QUrl::RemovePassword), why)};
    }
    const std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> owner(options,
                                                                             &PQconninfoFree);
    for (const PQconninfoOption *option = options; option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString keyword = QString::fromUtf8(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        if (keyword == u"password"_s) {
            return Error{u"%1: a password in the URL is refused (it would be kept in shell "
                         u"histories and recent connections); put it in ~/.pgpass or "
                         u"PGPASSWORD, or use PGSERVICE"_s.arg(
                             QUrl(text).toDisplayString(QUrl::RemovePassword))};
        }
        // QPSQL reads its connect options with ';' as a separator.
        if (value.contains(u';')) {
            return Error{u"%1: the value of %2 contains ';', which the Qt PostgreSQL driver "
                         u"cannot pass on"_s.arg(text, keyword)};
        }
        location.m_parameters.append({keyword, value});
    }
    location.m_text = location.url();
    return location;
}

QString Location::value(const QString &keyword) const
{
    for (const auto &[key, value] : m_parameters) {
        if (key == keyword)
            return value;
    }
    return {};
}

QString Location::describe() const
{
    if (m_kind == Kind::File)
        return m_text;
    QString host = value(u"host"_s);
    if (host.isEmpty())
        host = value(u"hostaddr"_s);
    if (host.isEmpty())
        host = qEnvironmentVariable("PGHOST");
    const QString service = value(u"service"_s);
    if (host.isEmpty())
        host = service.isEmpty() ? u"the local server"_s : u"service %1"_s.arg(service);
    const QString port = value(u"port"_s);
    if (!port.isEmpty() && !host.startsWith(u'/'))
        host += u':' + port;
    else if (!port.isEmpty())
        host += u" (port %1)"_s.arg(port);
    QString database = this->database();
    if (database.isEmpty())
        database = qEnvironmentVariable("PGDATABASE");
    if (database.isEmpty())
        return u"the default database on %1"_s.arg(host);
    return u"database \"%1\" on %2"_s.arg(database, host);
}

Location Location::withParameter(const QString &keyword, const QString &newValue) const
{
    Location copy = *this;
    bool replaced = false;
    for (auto &[key, value] : copy.m_parameters) {
        if (key == keyword) {
            value = newValue;
            replaced = true;
        }
    }
    if (!replaced)
        copy.m_parameters.append({keyword, newValue});
    copy.m_text = copy.url();
    return copy;
}

Location Location::withDatabase(const QString &database) const
{
    return withParameter(u"dbname"_s, database);
}

Location Location::withUser(const QString &user) const
{
    return withParameter(u"user"_s, user);
}

QString Location::url() const
{
    if (m_kind == Kind::File)
        return m_text;
    // Host, port, user and database in the URL's authority and path when they fit there (a
    // socket folder goes in the query, as libpq's documentation writes it).
    QUrl url;
    url.setScheme(u"postgresql"_s);
    QUrlQuery query;
    const QString host = value(u"host"_s);
    const bool socket = host.startsWith(u'/') || host.contains(u',');
    for (const auto &[key, value] : m_parameters) {
        if (key == u"host"_s && !socket)
            url.setHost(value);
        else if (key == u"port"_s && !socket && value.toInt() > 0)
            url.setPort(value.toInt());
        else if (key == u"user"_s)
            url.setUserName(value);
        else if (key == u"dbname"_s)
            url.setPath(u'/' + value);
        else
            query.addQueryItem(key, value);
    }
    if (url.path().isEmpty())
        url.setPath(u"/"_s);
    url.setQuery(query);
    QString text = url.toString(QUrl::FullyEncoded);
    // QUrl writes an empty authority as 'postgresql:/db'; libpq wants the two slashes.
    if (url.host().isEmpty() && !text.startsWith(u"postgresql://"_s))
        text.replace(0, int(qstrlen("postgresql:")), u"postgresql://"_s);
    return text;
}

Result<QSqlDatabase> Location::addConnection(const QString &connectionName) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(connectionName);
        return Error{u"the Qt PostgreSQL driver (QPSQL) is not installed (Debian: "
                     u"libqt6sql6-psql)"_s};
    }
    QStringList options;
    for (const auto &[key, value] : m_parameters)
        options.append(key + u'=' + quoted(value));
    for (const auto &[key, value] : kDefaults) {
        if (this->value(key).isEmpty())
            options.append(key + u'=' + quoted(value));
    }
    db.setConnectOptions(options.join(u';'));
    return db;
}

} // namespace Deltaboard
