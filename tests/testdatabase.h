#pragma once

#include "database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Real SQLite files in a temporary folder: every test gets its own, removed afterwards.
namespace DeltaboardTest {

class TempDatabase
{
public:
    TempDatabase() { QVERIFY2(m_dir.isValid(), "cannot create a temporary folder"); }

    QString path(const QString &name = QStringLiteral("test.sqlite")) const
    {
        return m_dir.filePath(name);
    }

    // Opens (creating and migrating) the database; fails the test on error.
    std::unique_ptr<Deltaboard::Database> open(const QString &name = QStringLiteral("test.sqlite"))
    {
        auto db = Deltaboard::Database::open(path(name));
        if (!db) {
            QTest::qFail(qPrintable(db.error()), __FILE__, __LINE__);
            return nullptr;
        }
        return std::move(db).value();
    }

    const QTemporaryDir &dir() const { return m_dir; }

private:
    QTemporaryDir m_dir;
};

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

inline qint64 countRows(Deltaboard::Database &db, const QString &table)
{
    // Test helper; table names come from the test code itself.
    const auto counted = db.scalar(QStringLiteral("SELECT count(*) FROM ") + table);
    return counted ? counted->toLongLong() : -1;
}

} // namespace DeltaboardTest
